import { describe, expect, it } from 'vitest'
import { ApiError, toApiError } from './errors'

describe('toApiError', () => {
  it('reads the object the backend rejects with', () => {
    const e = toApiError({ code: 'invalid', message: 'the partner was not added', problems: [{ column: 'email', message: 'bad' }] })
    expect(e).toBeInstanceOf(ApiError)
    expect(e.code).toBe('invalid')
    expect(e.forField('email')).toBe('bad')
    expect(e.forField('key')).toBeUndefined()
    expect(e.lines()).toEqual(['the partner was not added', 'email: bad'])
  })
  it('reads a JSON string and a plain string', () => {
    expect(toApiError('{"code":"not_found","message":"gone"}').code).toBe('not_found')
    const plain = toApiError('boom')
    expect([plain.code, plain.message]).toEqual(['internal', 'boom'])
  })
})
