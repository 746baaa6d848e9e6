// End to end: a shop's page on its own loopback port loads pb.js from `partnerbook serve`, a
// visitor comes through a partner's link and signs up, the shop's server reports the sale with
// its secret key, and Partnerbook attributes it to the partner through the customer. Then the
// same through Caddy (docs/examples/Caddyfile) with the endpoint under the shop's own domain,
// where the visit's answer sets the cookie from the server; and a Shopify order webhook relayed
// by docs/examples/shopify-webhook.mjs.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { spawn, execFileSync, spawnSync } from 'node:child_process'
import { createServer, get } from 'node:http'
import { createHmac } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { bin, launch } from './helpers.mjs'
import { relay } from '../../docs/examples/shopify-webhook.mjs'

const root = join(import.meta.dirname, '..', '..')
const caddy = spawnSync('caddy', ['version']).status === 0
let browser
const stops = []
before(async () => { browser = await launch() })
after(async () => {
  await browser?.close()
  for (const stop of stops.reverse()) await stop()
})

/** listen serves handler on a free loopback port and resolves with its origin. */
async function listen(handler) {
  const srv = createServer(handler)
  await new Promise((r) => srv.listen(0, '127.0.0.1', r))
  stops.push(() => new Promise((r) => srv.close(r)))
  return `http://127.0.0.1:${srv.address().port}`
}

/** freePort finds a loopback port nobody listens on (for Caddy, which takes a fixed one). */
async function freePort() {
  const srv = createServer()
  await new Promise((r) => srv.listen(0, '127.0.0.1', r))
  const { port } = srv.address()
  await new Promise((r) => srv.close(r))
  return port
}

/** started spawns a long-running process and resolves once its output matches re. */
function started(cmd, args, re, opts = {}) {
  const proc = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...opts })
  let out = ''
  stops.push(async () => {
    if (proc.exitCode === null) {
      proc.kill('SIGTERM')
      await new Promise((r) => proc.once('exit', r))
    }
  })
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${cmd} did not start: ${out}`)), 20000)
    const seen = (d) => {
      out += d
      const m = out.match(re)
      if (m) { clearTimeout(timer); resolve(m) }
    }
    proc.stdout.on('data', seen)
    proc.stderr.on('data', seen)
    proc.on('exit', (code) => reject(new Error(`${cmd} exited ${code}: ${out}`)))
  })
}

/**
 * shopWithPartnerbook makes a data folder with a program that allows origin, three partners
 * (kira, lena, …) and a publishable and a secret key, and serves it.
 */
async function shopWithPartnerbook(origin, attribution = 'last_click') {
  const data = mkdtempSync(join(tmpdir(), 'pb-track-'))
  stops.push(() => rmSync(data, { recursive: true, force: true }))
  const cli = (...args) => execFileSync(bin, ['--data', data, ...args], { encoding: 'utf8' })
  const program = JSON.parse(readFileSync(join(root, 'backend', 'cli', 'testdata', 'program.json'), 'utf8'))
  writeFileSync(join(data, 'program.json'), JSON.stringify({ ...program, attribution, origins: [origin] }))
  cli('program', 'create', '--file', join(data, 'program.json'))
  cli('import', 'partners', '--program', '1', join(root, 'backend', 'cli', 'testdata', 'partners.csv'))
  const pk = JSON.parse(cli('--json', 'keys', 'create', '--program', '1', '--kind', 'publishable')).key
  const sk = JSON.parse(cli('--json', 'keys', 'create', '--program', '1', '--kind', 'secret')).key
  const [url] = await started(bin, ['--data', data, 'serve', '--addr', '127.0.0.1:0'], /http:\/\/127\.0\.0\.1:\d+/)
  return { data, cli, pk, sk, url }
}

/** shopPage is a shop's page with the snippet of sync.md and a sign-up form that calls partnerbook('signup'). */
const shopPage = (scriptSrc, pk) => `<!doctype html><title>Linen &amp; Co.</title>
<script src="${scriptSrc}" data-program="${pk}" async></script>
<script>window.partnerbook = window.partnerbook || function(){(partnerbook.q = partnerbook.q || []).push(arguments)}</script>
<h1>Linen &amp; Co.</h1>
<form id="signup"><input name="email"><input name="name"><button>Sign up</button></form><p id="done"></p>
<script>document.getElementById('signup').onsubmit = function (e) {
  e.preventDefault()
  partnerbook('signup', { email: this.email.value, name: this.name.value }, function (ok) { document.getElementById('done').textContent = ok ? 'welcome' : 'failed' })
}</script>`

/** rawGet reads a URL as it comes over the wire (fetch would unpack gzip). */
function rawGet(url, headers) {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      const chunks = []
      res.on('data', (c) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }))
    }).on('error', reject)
  })
}

/** until polls fn until it returns something truthy. */
async function until(fn, what) {
  for (let i = 0; i < 100; i++) {
    const v = await fn()
    if (v) return v
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error('gave up waiting for ' + what)
}

const order = (pb, id) => JSON.parse(pb.cli('--json', 'orders', '--program', '1')).orders.find((o) => o.id === id)

async function visitAndSignUp(page, url, email) {
  await page.goto(url)
  assert.equal(await page.evaluate(() => new Promise((r) => window.partnerbook('ready', r))), 'kira')
  await page.fill('input[name=email]', email)
  await page.fill('input[name=name]', 'Ada Lovelace')
  await page.click('button')
  await page.locator('#done', { hasText: 'welcome' }).waitFor()
}

async function sale(pb, body) {
  const r = await fetch(pb.url + '/v1/track/sale', {
    method: 'POST', headers: { Authorization: 'Bearer ' + pb.sk, 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  })
  return { status: r.status, body: await r.json() }
}

test('a visit through a partner\'s link and a signup on the shop\'s page attribute the server\'s sale to the partner', async () => {
  let page = ''
  const shop = await listen((req, res) => { res.writeHead(200, { 'content-type': 'text/html' }); res.end(page) })
  const pb = await shopWithPartnerbook(shop)
  page = shopPage(pb.url + '/pb.js', pb.pk)
  const ctx = await browser.newContext()
  const tab = await ctx.newPage()
  await visitAndSignUp(tab, shop + '/linen?ref=kira', 'ada@example.org')
  const cookie = (await ctx.cookies(shop)).find((c) => c.name === 'pb_ref')
  assert.match(cookie.value, /^kira\|[0-9a-f]{32}\|\d+$/)
  await ctx.close()

  // The shop's server: the sale names only the customer's e-mail, no partner, no coupon.
  const body = { order_id: 'web-1001', customer: { email: 'ada@example.org' }, amount: '120.00', currency: 'EUR',
    items: [{ sku: 'LIN-01', name: 'Linen sheet', quantity: 1, price: '120.00' }], time: new Date().toISOString().slice(0, 19) + 'Z' }
  const first = await sale(pb, body)
  assert.equal(first.status, 200, JSON.stringify(first.body))
  const again = await sale(pb, body)
  assert.deepEqual(again, first, 'the same sale again is answered as the first time')
  const o = await until(() => order(pb, 'web-1001'), 'the sale to become an order')
  assert.equal(o.partner, 'kira')
  assert.equal(o.source, 'api')
  assert.equal(JSON.parse(pb.cli('--json', 'orders', '--program', '1')).orders.filter((x) => x.id === 'web-1001').length, 1)
  const lines = JSON.parse(pb.cli('--json', 'commissions', '--program', '1', '--partner', 'kira')).lines
  assert.deepEqual(lines.filter((l) => l.order === 'web-1001').map((l) => [l.kind, l.amount, l.currency]), [['sale', '24.00', 'EUR']])
  // A customer who never came through a link buys too: nobody's.
  assert.equal((await sale(pb, { ...body, order_id: 'web-1002', customer: { email: 'zed@example.org' } })).status, 200)
  assert.equal((await until(() => order(pb, 'web-1002'), 'the other sale')).partner, '')
})

test('behind Caddy on the shop\'s own domain: pb.js and the visit go through, the server sets the cookie', { skip: !caddy && 'needs Caddy (scripts/setup.sh installs it)' }, async () => {
  let page = ''
  const backend = await listen((req, res) => { res.writeHead(200, { 'content-type': 'text/html' }); res.end(page) })
  const port = await freePort()
  const shop = `http://127.0.0.1:${port}`
  const pb = await shopWithPartnerbook(shop)
  page = shopPage('/pb/pb.js', pb.pk)
  // The documented Caddyfile as it is, after global options that keep this test on loopback.
  const dir = mkdtempSync(join(tmpdir(), 'pb-caddy-'))
  stops.push(() => rmSync(dir, { recursive: true, force: true }))
  writeFileSync(join(dir, 'Caddyfile'), `{\n\tadmin off\n\tdefault_bind 127.0.0.1\n\tstorage file_system ${dir}/data\n}\n` +
    readFileSync(join(root, 'docs', 'examples', 'Caddyfile'), 'utf8'))
  await started('caddy', ['run', '--config', join(dir, 'Caddyfile'), '--adapter', 'caddyfile'], /serving initial configuration/, {
    env: { ...process.env, HOME: dir, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir, SHOP_SITE: shop,
      PARTNERBOOK_ADDR: pb.url.replace('http://', ''), SHOP_ADDR: backend.replace('http://', '') },
  })

  // pb.js through the proxy: gzipped, tagged, cached, the same bytes as served directly.
  const js = await fetch(shop + '/pb/pb.js', { headers: { 'Accept-Encoding': 'gzip' } })
  assert.equal(js.status, 200)
  const etag = js.headers.get('etag')
  assert.ok(etag && js.headers.get('cache-control')?.includes('max-age'))
  const direct = await (await fetch(pb.url + '/pb.js')).text()
  assert.equal(await js.text(), direct)
  assert.equal((await fetch(shop + '/pb/pb.js', { headers: { 'If-None-Match': etag } })).status, 304)
  const raw = await rawGet(shop + '/pb/pb.js', { 'Accept-Encoding': 'gzip' })
  assert.equal(raw.headers['content-encoding'], 'gzip')
  assert.equal(gunzipSync(raw.body).toString(), direct)
  assert.ok(raw.body.length <= 3 * 1024, `pb.js is ${raw.body.length} bytes gzipped`)

  const ctx = await browser.newContext()
  const tab = await ctx.newPage()
  const visit = tab.waitForResponse((r) => r.url() === shop + '/pb/v1/track/visit')
  await visitAndSignUp(tab, shop + '/linen?ref=kira', 'bo@example.org')
  const answer = await visit
  assert.equal(answer.status(), 200)
  const setCookie = await answer.headerValue('set-cookie')
  assert.match(setCookie ?? '', /^pb_ref=kira\|[0-9a-f]{32}\|\d+;.*Max-Age=2592000/i, 'the visit\'s answer sets the cookie')
  assert.match(setCookie, /SameSite=Lax/i)
  const cookie = (await ctx.cookies(shop)).find((c) => c.name === 'pb_ref')
  assert.equal(cookie.value, setCookie.split(';')[0].slice('pb_ref='.length), 'the browser keeps the server\'s cookie, not one of its own')
  assert.ok(Math.abs(cookie.expires - (Date.now() / 1000 + 30 * 86400)) < 120)
  await ctx.close()

  const r = await sale(pb, { order_id: 'web-2001', customer: { email: 'bo@example.org' }, amount: '60.00', currency: 'EUR', items: [] })
  assert.equal(r.status, 200, JSON.stringify(r.body))
  assert.equal((await until(() => order(pb, 'web-2001'), 'the sale through the proxy')).partner, 'kira')
})

test('a Shopify order webhook relayed by the documented example becomes the partner\'s order', async () => {
  const shop = 'https://linen.example'
  const pb = await shopWithPartnerbook(shop)
  const secret = 'shpss_test_secret'
  const hook = await listen(relay({ shopifySecret: secret, endpoint: pb.url + '/', key: pb.sk }))
  // An orders/paid body in Shopify's shape (trimmed to the fields the relay reads and a few more).
  const orderBody = JSON.stringify({
    id: 5940139491234, name: '#1001', email: 'cleo@example.org', created_at: '2026-11-30T10:30:00+01:00', processed_at: '2026-11-30T10:30:00+01:00',
    currency: 'EUR', total_price: '89.90', current_total_price: '89.90', financial_status: 'paid',
    discount_codes: [], note_attributes: [{ name: 'ref', value: 'lena' }],
    customer: { id: 7001, email: 'cleo@example.org', first_name: 'Cleo' },
    line_items: [{ id: 1, sku: 'LIN-02', title: 'Linen towel', name: 'Linen towel - Sand', quantity: 2, price: '44.95' }],
  })
  const post = (body, topic, sig) => fetch(hook, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Shopify-Topic': topic,
    'X-Shopify-Hmac-Sha256': sig ?? createHmac('sha256', secret).update(body).digest('base64') }, body })
  assert.equal((await post(orderBody, 'orders/paid', 'bm90IGEgc2lnbmF0dXJl')).status, 401, 'a body not signed by Shopify is refused')
  assert.equal((await post(orderBody, 'orders/paid')).status, 200)
  assert.equal((await post(orderBody, 'orders/paid')).status, 200, 'Shopify retries: stored once')
  const o = await until(() => order(pb, '5940139491234'), 'the Shopify order')
  assert.equal(o.partner, 'lena')
  assert.equal(o.total, '89.90')
  const refundBody = JSON.stringify({ id: 880001, order_id: 5940139491234, created_at: '2026-12-02T09:00:00+01:00',
    transactions: [{ kind: 'refund', status: 'success', amount: '44.95' }, { kind: 'refund', status: 'failure', amount: '44.95' }] })
  assert.equal((await post(refundBody, 'refunds/create')).status, 200)
  assert.equal((await until(() => order(pb, '5940139491234')?.refunded === '44.95' && order(pb, '5940139491234'), 'the refund')).status, 'partially_refunded')
})
