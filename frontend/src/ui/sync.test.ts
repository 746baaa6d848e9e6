import { describe, expect, it } from 'vitest'
import { endpointMessage, pullMessage, siteField } from './sync'

describe('pullMessage', () => {
  it('names no setting keys', () => {
    expect(pullMessage('the server refused the link secret (setting sync.key): unknown link secret')).toBe('The server refused the link secret: unknown link secret.')
    expect(pullMessage('no headless server is set: set sync.remote (its URL) and sync.key (its link secret) first'))
      .toBe('No server is linked yet: fill in its URL and link secret, then save the link.')
    expect(pullMessage('the link secret (setting sync.key) is not set: it is what `partnerbook init --server` printed on the server'))
      .toBe('The link secret is not set: it was shown once when the server was set up.')
  })
  it('says what an HTTP answer means, not its number', () => {
    const m = pullMessage('the server answered 502 Bad Gateway: upstream down')
    expect(m).toBe('The server had a problem of its own (upstream down).')
    expect(pullMessage('the server answered 404 Not Found: ')).toMatch(/^The server does not know this address/)
    expect(pullMessage('the server answered 403 Forbidden: no')).not.toMatch(/\d{3}/)
  })
  it("hides Go's network words", () => {
    const m = pullMessage('the server cannot be reached: Get "http://127.0.0.1:1/v1/pull": dial tcp 127.0.0.1:1: connect: connection refused')
    expect(m).toBe('The server cannot be reached: check its URL and that it is running.')
  })
  it('counts in words', () => {
    expect(pullMessage('pushed 1 program(s); fetched 3 event(s), applied 0; published the partner portal of 2 partner(s)'))
      .toBe('Pushed 1 program; fetched 3 events, applied 0; published the partner portal of 2 partners.')
  })
})

describe('siteField', () => {
  it('takes the field of an indexed column', () => {
    expect(siteField('origins[2]')).toBe('origins')
    expect(siteField('site')).toBe('site')
  })
})

describe('endpointMessage', () => {
  it("says why the endpoint does not run in a person's words", () => {
    expect(endpointMessage('the sync endpoint cannot listen on 127.0.0.1:8787: listen tcp 127.0.0.1:8787: bind: address already in use'))
      .toBe('Another program already uses port 8787: choose another port in Settings.')
    expect(endpointMessage('the sync endpoint cannot listen on 10.9.9.9:80: listen tcp 10.9.9.9:80: bind: cannot assign requested address'))
      .toBe('The endpoint cannot listen on 10.9.9.9:80: check the address and port in Settings.')
    expect(endpointMessage('something else')).toBe('Something else.')
  })
})
