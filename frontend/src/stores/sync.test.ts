import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { ago, describe as describeEvent, eventState, scriptBase, snippet, STUB, useSyncStore } from './sync'
import { reset } from '@/api/fakes/db'
import { addEvent, resetSync, syncDb } from '@/api/fakes/Sync'
import { app } from '@/api'

beforeEach(() => {
  reset()
  resetSync()
  setActivePinia(createPinia())
})

const event = (type: string, payload: object, o: Partial<app.Event> = {}) =>
  app.Event.createFrom({ id: 1, event_id: 'e1', type, test: false, received_at: '2026-11-30T12:00:00Z', applied: true, problem: '', payload: JSON.stringify(payload), ...o })

describe('sync helpers', () => {
  it('writes the snippet sync.md gives, with the key and the script\'s address', () => {
    expect(snippet('https://shop.example/pb/', 'pk_live_abc')).toBe(
      '<script src="https://shop.example/pb/pb.js" data-program="pk_live_abc" async></script>\n<script>' + STUB + '</script>')
    expect(snippet('https://track.example.com', '')).toContain('src="https://track.example.com/pb.js" data-program="pk_live_…"')
    // The stub is the one the tracking script replays (frontend/e2e/pbjs.test.mjs uses it too).
    expect(STUB).toBe('window.partnerbook = window.partnerbook || function(){(partnerbook.q = partnerbook.q || []).push(arguments)}')
  })

  it('points the snippet at the linked server, else the running endpoint, else an example', () => {
    const remote = app.Remote.createFrom({ url: 'https://track.shop.example/', secret_set: true, last_pull: '', ok: false, message: '' })
    const endpoint = app.Endpoint.createFrom({ enabled: true, addr: '127.0.0.1', port: 8787, running: true, url: 'http://127.0.0.1:8787/', error: '' })
    expect(scriptBase(remote, endpoint)).toBe('https://track.shop.example/')
    expect(scriptBase(app.Remote.createFrom({ ...remote, url: '' }), endpoint)).toBe('http://127.0.0.1:8787/')
    expect(scriptBase(null, app.Endpoint.createFrom({ ...endpoint, running: false }))).toBe('https://track.example.com/')
  })

  it('says what each kind of event carried and where it stands', () => {
    expect(describeEvent(event('visit', { ref: 'kira', url: 'https://shop.example/linen?ref=kira', referrer: 'https://blog.example/post' })))
      .toBe('partner kira · /linen?ref=kira · from blog.example')
    expect(describeEvent(event('signup', { email: 'ada@example.org', key: '' }))).toBe('ada@example.org')
    expect(describeEvent(event('sale', { order_id: '1001', amount: '49.90', currency: 'EUR', customer: { email: 'ada@example.org' }, coupon: 'KIRA10' })))
      .toBe('order 1001 · 49.90 EUR · ada@example.org · coupon KIRA10')
    expect(describeEvent(event('refund', { order_id: '1001', amount: '10.00' }))).toBe('order 1001 · −10.00')
    expect(describeEvent(event('visit', {}, { payload: 'not json' }))).toBe('')
    expect(eventState(event('sale', {}))).toBe('applied')
    expect(eventState(event('sale', {}, { applied: false }))).toBe('waiting')
    expect(eventState(event('sale', {}, { applied: true, problem: 'currency USD is not the program\'s EUR' }))).toBe('problem')
  })

  it('says how long ago in words', () => {
    const now = new Date('2026-11-30T12:00:00Z')
    expect(ago('2026-11-30T11:59:58Z', now)).toBe('just now')
    expect(ago('2026-11-30T11:59:30Z', now)).toBe('30 s ago')
    expect(ago('2026-11-30T11:48:00Z', now)).toBe('12 min ago')
    expect(ago('2026-11-30T09:00:00Z', now)).toBe('3 h ago')
    expect(ago('2026-11-29T09:00:00Z', now)).toBe('yesterday')
    expect(ago('2026-11-20T12:00:00Z', now)).toBe('10 days ago')
    expect(ago('', now)).toBe('never')
  })
})

describe('sync store', () => {
  it('shows a new key once, puts the live publishable key in the snippet, revokes', async () => {
    const s = useSyncStore()
    await s.load(1)
    expect(s.snippetKey).toBeUndefined()
    const test = await s.createKey('publishable', true)
    expect(test.key).toMatch(/^pk_test_/)
    expect(s.snippetKey?.id).toBe(test.api_key.id) // a test key until there is a live one
    const live = await s.createKey('publishable', false)
    expect(s.fresh?.key).toBe(live.key)
    expect(s.snippetKey?.key).toBe(live.key)
    const secret = await s.createKey('secret', false)
    expect(secret.key).toMatch(/^sk_live_/)
    expect(s.keys.find((k) => k.id === secret.api_key.id)?.key).toBe('') // a secret key is never listed whole
    await s.revoke(live.api_key.id)
    expect(s.snippetKey?.id).toBe(test.api_key.id)
    expect(s.active.map((k) => k.kind)).toEqual(['secret', 'publishable'])
    await s.load(1)
    expect(s.fresh).toBeNull() // shown once: gone when the screen is opened again
    await expect(s.createKey('other' as 'secret', false)).rejects.toMatchObject({ code: 'invalid' })
  })

  it('keeps the allowed origins, refusing one that is not an origin with the field named', async () => {
    const s = useSyncStore()
    await s.load(1)
    await s.saveSite(['https://Shop.example/', 'https://shop.example', 'http://127.0.0.1:8080'], 'https://shop.example/')
    expect(s.site?.origins).toEqual(['https://shop.example', 'http://127.0.0.1:8080'])
    const err = await s.saveSite(['https://shop.example/checkout'], '').catch((e) => e)
    expect(err.forField('origins[0]')).toContain('should be only scheme, host and port')
    expect((await s.saveSite(['shop.example'], '').catch((e) => e)).forField('origins[0]')).toContain('is not a site origin')
    expect(s.site?.origins).toEqual(['https://shop.example', 'http://127.0.0.1:8080'])
  })

  it('checks the install: the last events, newest first, and purges the test ones', async () => {
    const s = useSyncStore()
    addEvent(1, 'visit', { ref: 'kira' }, { test: true })
    addEvent(1, 'signup', { email: 'ada@example.org' }, { test: true })
    addEvent(2, 'visit', { ref: 'lena' })
    await s.load(1)
    expect(s.events.map((e) => e.type)).toEqual(['signup', 'visit'])
    expect([s.testEvents, s.lastLive]).toEqual([2, undefined])
    addEvent(1, 'sale', { order_id: '1001', amount: '49.90' })
    await s.check()
    expect(s.events[0].type).toBe('sale')
    expect(s.lastLive?.type).toBe('sale')
    expect(await s.purgeTests()).toBe(2)
    expect(s.events.map((e) => e.type)).toEqual(['sale'])
    expect(syncDb.events.filter((e) => e.program === 2)).toHaveLength(1) // another program's are untouched
  })

  it('links a headless server, pulls, and keeps how the pull went', async () => {
    const s = useSyncStore()
    await s.load(1)
    await expect(s.pull()).rejects.toMatchObject({ code: 'invalid' })
    expect(s.pulling).toBe(false)
    await s.saveRemote('https://track.shop.example/', 'link-secret')
    expect([s.remote?.url, s.remote?.secret_set]).toEqual(['https://track.shop.example/', true])
    expect(s.base).toBe('https://track.shop.example/')
    syncDb.serverEvents.push(Object.assign(app.Event.createFrom({ event_id: 'x', type: 'visit', test: false, received_at: '2026-11-30T12:00:00Z',
      applied: false, problem: '', payload: '{"ref":"kira"}' }), { program: 1 }))
    const r = await s.pull()
    expect([r.fetched, r.applied]).toEqual([1, 1])
    expect(s.remote?.ok).toBe(true)
    expect(s.events.map((e) => e.type)).toEqual(['visit'])
    await s.saveRemote('https://track.shop.example/', '') // an empty secret keeps the one set
    expect(s.remote?.secret_set).toBe(true)
    syncDb.serverDown = 'the server did not answer'
    await expect(s.pull()).rejects.toMatchObject({ message: 'the server did not answer' })
    expect([s.remote?.ok, s.remote?.message, s.pulling]).toEqual([false, 'the server did not answer', false])
  })
})
