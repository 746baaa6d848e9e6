// Unit tests of the tracking script pb.js in Chromium: the shop's page and the endpoint's
// answers are served by Playwright's request routing (no server), so each edge case (cookies
// off, calls queued before the script loaded, first and last click, fetch missing or failing)
// is set up exactly. The end-to-end test against `partnerbook serve` is tracking.test.mjs.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { launch } from './helpers.mjs'

const source = readFileSync(join(import.meta.dirname, '..', '..', 'backend', 'sync', 'pbjs', 'pb.js'), 'utf8')
const SHOP = 'http://shop.test'
const PK = 'pk_test_0123456789abcdef'
const stub = 'window.partnerbook = window.partnerbook || function(){(partnerbook.q = partnerbook.q || []).push(arguments)}'
let browser
before(async () => { browser = await launch() })
after(async () => { await browser?.close() })

/**
 * open loads SHOP+path in a fresh context where pb.js and the endpoint are routed. Options:
 * answer(kind, body) -> {status, json} for the endpoint's answers (default: a visit's answer
 * naming ref as is, 30 days, last click); head: HTML before the script tag; scriptDelay: ms
 * before pb.js is served; attrs: extra attributes of the script tag; init: a function run
 * before the page's own scripts; cookies: cookies to start with; csp: a
 * Content-Security-Policy header of the page; api: the script's origin (default SHOP);
 * waitUntil: when the page counts as opened (default: load, which waits for async scripts).
 */
async function open(path, opt = {}) {
  const ctx = await browser.newContext()
  if (opt.cookies) await ctx.addCookies(opt.cookies.map((c) => ({ url: SHOP, ...c })))
  if (opt.init) await ctx.addInitScript(opt.init)
  const calls = []
  const errors = []
  const api = opt.api || SHOP
  await ctx.route(api + '/v1/track/*', async (route) => {
    const req = route.request()
    const kind = new URL(req.url()).pathname.split('/').pop()
    const cors = api === SHOP ? {} : { 'access-control-allow-origin': SHOP, 'access-control-allow-headers': 'Content-Type', 'access-control-allow-methods': 'POST' }
    if (req.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors })
    const body = req.postDataJSON()
    calls.push({ kind, body, headers: req.headers() })
    const a = opt.answer ? opt.answer(kind, body) : { status: 200, json: kind === 'visit' ? { ref: body.ref, cookie_days: 30, attribution: 'last_click' } : {} }
    if (a === 'abort') return route.abort('connectionrefused')
    return route.fulfill({ status: a.status, headers: { 'content-type': 'application/json', ...cors }, body: a.raw ?? JSON.stringify(a.json) })
  })
  await ctx.route(api + '/pb.js', async (route) => {
    if (opt.scriptDelay) await new Promise((r) => setTimeout(r, opt.scriptDelay))
    return route.fulfill({ status: 200, headers: { 'content-type': 'text/javascript' }, body: source })
  })
  await ctx.route(SHOP + '/shop/**', (route) => route.fulfill({
    status: 200,
    headers: { 'content-type': 'text/html', ...(opt.csp ? { 'content-security-policy': opt.csp } : {}) },
    body: `<!doctype html><title>Shop</title><script>window.seen = []</script>${opt.head || ''}
<script src="${api}/pb.js" data-program="${PK}" ${opt.attrs || ''} async></script><script>${stub}</script><p>Linen</p>`,
  }))
  const page = await ctx.newPage()
  page.on('pageerror', (e) => errors.push(e))
  await page.goto(SHOP + path, { waitUntil: opt.waitUntil || 'load' })
  const ready = () => page.evaluate(() => new Promise((r) => window.partnerbook('ready', r)))
  const cookie = async () => (await ctx.cookies(SHOP)).find((c) => c.name === 'pb_ref')
  return { ctx, page, calls, errors, ready, cookie, close: () => ctx.close() }
}

const waitCalls = async (t, n) => {
  for (let i = 0; i < 100 && t.calls.length < n; i++) await new Promise((r) => setTimeout(r, 20))
  return t.calls
}

test('a visit with ?ref= sends the event and keeps pb_ref for the program\'s cookie days', async () => {
  const t = await open('/shop/linen?ref=kira&utm=x', {
    answer: (kind, b) => ({ status: 200, json: { ref: b.ref, cookie_days: 45, attribution: 'last_click' } }),
  })
  assert.equal(await t.ready(), 'kira')
  const [v] = t.calls
  assert.equal(v.kind, 'visit')
  assert.equal(v.headers['content-type'], 'application/json')
  assert.deepEqual(Object.keys(v.body).sort(), ['event_id', 'program', 'ref', 'referrer', 'url', 'visitor'])
  assert.match(v.body.event_id, /^[0-9a-f]{32}$/)
  assert.match(v.body.visitor, /^[0-9a-f]{32}$/)
  assert.notEqual(v.body.event_id, v.body.visitor)
  assert.equal(v.body.program, PK)
  assert.equal(v.body.ref, 'kira')
  assert.equal(v.body.url, SHOP + '/shop/linen?ref=kira&utm=x')
  const c = await t.cookie()
  const [key, visitor, time] = c.value.split('|')
  assert.equal(key, 'kira')
  assert.equal(visitor, v.body.visitor)
  assert.ok(Math.abs(time - Date.now() / 1000) < 60, `cookie time ${time}`)
  assert.ok(Math.abs(c.expires - (Date.now() / 1000 + 45 * 86400)) < 60, `expires ${c.expires}`)
  assert.equal(c.sameSite, 'Lax')
  assert.equal(c.path, '/')
  assert.equal(await t.page.evaluate(() => window.partnerbook.referral), 'kira')
  assert.deepEqual(t.errors, [])
  await t.close()
})

test('via, aff and the names data-params adds are read; a value that is not a key is not sent', async () => {
  for (const [query, ref, attrs] of [['?via=lena', 'lena'], ['?aff=b.o_b-1', 'b.o_b-1'], ['?partner=kira', 'kira', 'data-params="partner, p"'],
    ['?p=kira', 'kira', 'data-params="partner, p"'], ['?partner=kira', null], ['?ref=ki%20ra', null], ['?ref=', null]]) {
    const t = await open('/shop/' + query, { attrs })
    assert.equal(await t.ready(), ref, query)
    assert.deepEqual(t.calls.map((c) => c.body.ref), ref ? [ref] : [], query)
    assert.equal((await t.cookie())?.value.split('|')[0], ref ?? undefined, query)
    await t.close()
  }
})

test('the answer decides: the key as stored, and no cookie for a key no active partner has', async () => {
  let t = await open('/shop/?ref=KIRA', { answer: () => ({ status: 200, json: { ref: 'kira', cookie_days: 30, attribution: 'last_click' } }) })
  assert.equal(await t.ready(), 'kira')
  assert.match((await t.cookie()).value, /^kira\|/)
  await t.close()
  t = await open('/shop/?ref=nobody', { answer: () => ({ status: 200, json: { ref: null, cookie_days: 30, attribution: 'last_click' } }) })
  assert.equal(await t.ready(), null)
  assert.equal(await t.cookie(), undefined)
  await t.close()
  t = await open('/shop/?ref=kira', { answer: () => ({ status: 403, json: { error: { code: 'forbidden', message: 'origin' } } }) })
  assert.equal(await t.ready(), null)
  assert.equal(await t.cookie(), undefined)
  assert.deepEqual(t.errors, [])
  await t.close()
})

test('first click keeps an existing cookie, last click replaces it; both keep the visitor id', async () => {
  const visitor = 'aaaabbbbccccddddeeeeffff00001111'
  const old = `anna|${visitor}|1780000000`
  for (const [attribution, want] of [['first_click', 'anna'], ['last_click', 'kira']]) {
    const t = await open('/shop/?ref=kira', {
      cookies: [{ name: 'pb_ref', value: old }],
      answer: (kind, b) => ({ status: 200, json: { ref: b.ref, cookie_days: 30, attribution } }),
    })
    assert.equal(await t.ready(), want, attribution)
    assert.equal(t.calls[0].body.visitor, visitor, attribution)
    assert.equal(t.calls[0].body.ref, 'kira', 'the visit is sent either way: the server keeps the history')
    const c = await t.cookie()
    assert.equal(c.value.split('|')[0], want, attribution)
    assert.equal(c.value.split('|')[1], visitor)
    if (want === 'anna') assert.equal(c.value, old)
    await t.close()
  }
})

test('a signup carries the visitor id, after the visit; on a later page without ?ref= too', async () => {
  const t = await open('/shop/?ref=kira')
  await t.page.evaluate(() => new Promise((r) => window.partnerbook('signup', { email: 'ada@example.org', name: 'Ada', key: '' }, r)))
  const [v, s] = t.calls
  assert.deepEqual([v.kind, s.kind], ['visit', 'signup'])
  assert.deepEqual(Object.keys(s.body).sort(), ['email', 'event_id', 'key', 'name', 'program', 'visitor'])
  assert.equal(s.body.visitor, v.body.visitor)
  assert.equal(s.body.email, 'ada@example.org')
  assert.notEqual(s.body.event_id, v.body.event_id)
  const page2 = await t.ctx.newPage()
  await page2.goto(SHOP + '/shop/account')
  assert.equal(await page2.evaluate(() => new Promise((r) => window.partnerbook('ready', r))), 'kira')
  const ok = await page2.evaluate(() => new Promise((r) => window.partnerbook('signup', { email: 'bo@example.org', key: 'lena' }, r)))
  assert.equal(ok, true)
  assert.equal(t.calls.length, 3)
  assert.equal(t.calls[2].body.visitor, v.body.visitor)
  assert.equal(t.calls[2].body.key, 'lena')
  await t.close()
})

test('calls made before the script loaded are queued and run in order once it has', async () => {
  const t = await open('/shop/?ref=kira', {
    scriptDelay: 300,
    waitUntil: 'domcontentloaded',
    head: `<script>${stub}; partnerbook('ready', function (r) { seen.push('ready ' + r) });
partnerbook('signup', {email: 'ada@example.org', name: 'Ada'}, function (ok) { seen.push('signup ' + ok) })</script>`,
  })
  assert.equal(await t.page.evaluate(() => typeof window.partnerbook.loaded), 'undefined', 'the stub is still in place')
  await t.page.waitForFunction(() => window.seen.length === 2)
  assert.deepEqual(await t.page.evaluate(() => window.seen), ['ready kira', 'signup true'])
  assert.deepEqual(t.calls.map((c) => c.kind), ['visit', 'signup'])
  assert.equal(t.calls[1].body.visitor, t.calls[0].body.visitor)
  await t.close()
})

test('sends with keepalive, also to an endpoint on another origin', async () => {
  const init = () => {
    const f = window.fetch
    window.fetchInits = []
    window.fetch = (u, o) => { window.fetchInits.push({ u: String(u), keepalive: o.keepalive, method: o.method }); return f(u, o) }
  }
  const t = await open('/shop/?ref=kira', { init, api: 'http://track.test' })
  assert.equal(await t.ready(), 'kira')
  assert.deepEqual(await t.page.evaluate(() => window.fetchInits), [{ u: 'http://track.test/v1/track/visit', keepalive: true, method: 'POST' }])
  assert.equal(t.calls[0].headers.origin, SHOP)
  assert.equal((await t.cookie()).value.split('|')[0], 'kira', 'the cookie is the shop\'s, first-party')
  await t.close()
})

test('with cookies blocked it still sends the visit, and a signup on that page links', async () => {
  // Blocked outright, as in a sandboxed frame: reading or writing document.cookie throws.
  const throwing = await open('/shop/?ref=kira', {
    init: () => Object.defineProperty(Document.prototype, 'cookie', {
      get: () => { throw new DOMException('cookies are blocked', 'SecurityError') },
      set: () => { throw new DOMException('cookies are blocked', 'SecurityError') },
      configurable: true,
    }),
  })
  // Refused by a browser setting: document.cookie reads empty and writes are dropped.
  const dropping = await open('/shop/?ref=kira', {
    init: () => Object.defineProperty(Document.prototype, 'cookie', { get: () => '', set: () => {}, configurable: true }),
  })
  for (const t of [throwing, dropping]) {
    assert.equal(await t.ready(), 'kira')
    await t.page.evaluate(() => new Promise((r) => window.partnerbook('signup', { email: 'ada@example.org' }, r)))
    assert.deepEqual(t.calls.map((c) => c.kind), ['visit', 'signup'])
    assert.equal(t.calls[1].body.visitor, t.calls[0].body.visitor)
    assert.equal(await t.cookie(), undefined)
    assert.deepEqual(t.errors, [])
    await t.close()
  }
})

test('never throws into the page: fetch missing, throwing or failing, a throwing callback', async () => {
  const cases = [
    ['no fetch: XMLHttpRequest', () => { delete window.fetch }, 1, 'kira'],
    ['neither fetch nor XMLHttpRequest', () => { delete window.fetch; delete window.XMLHttpRequest }, 0, null],
    ['fetch throws', () => { window.fetch = () => { throw new Error('blocked by an extension') } }, 0, null],
    ['fetch rejects', () => { window.fetch = () => Promise.reject(new TypeError('Failed to fetch')) }, 0, null],
    ['the endpoint is down', null, 1, null, 'abort'],
    ['the answer is not JSON', null, 1, 'kira', 'html'],
  ]
  for (const [name, init, calls, ref, mode] of cases) {
    const answers = { abort: () => 'abort', html: () => ({ status: 200, raw: '<html>' }) }
    const t = await open('/shop/?ref=kira', { init: init || undefined, answer: answers[mode] })
    // An answer without JSON (say a proxy's page) is taken as accepting the key as sent.
    assert.equal(await t.ready(), ref, name)
    const ok = await t.page.evaluate(() => new Promise((r) => window.partnerbook('signup', { email: 'ada@example.org' }, r)))
    assert.equal(ok, calls > 0 && mode !== 'abort', name)
    await t.page.evaluate(() => {
      window.partnerbook('ready', () => { throw new Error('the shop\'s bug') })
      window.partnerbook('nonsense')
      window.partnerbook('signup', null)
      window.partnerbook('signup', { email: { toString: null } })
    })
    await waitCalls(t, 2 * calls)
    // Let anything thrown later (a timer, a promise) reach the page before looking.
    await t.page.evaluate(() => new Promise((r) => setTimeout(r, 100)))
    assert.deepEqual(t.errors.map(String), [], name)
    await t.close()
  }
})

test('loaded twice, it still sends one visit', async () => {
  const t = await open('/shop/?ref=kira', { head: `<script src="${SHOP}/pb.js" data-program="${PK}"></script>` })
  await t.ready()
  await new Promise((r) => setTimeout(r, 200))
  assert.equal(t.calls.filter((c) => c.kind === 'visit').length, 1)
  await t.close()
})
