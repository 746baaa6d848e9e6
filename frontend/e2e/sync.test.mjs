// End to end in Chromium against `partnerbook ui` with its sync endpoint on: the Sync screen's
// allowed sites, keys (shown once, copied, revoked), the snippet, the install check as events
// arrive (test ones marked, then purged), and the link to a real headless server with the Sync
// button. With SCREENSHOTS=DIR it saves the screen at 1280x900 there.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { spawn, execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { bin, session } from './helpers.mjs'

const root = join(import.meta.dirname, '..', '..', 'backend', 'cli', 'testdata')
const shots = process.env.SCREENSHOTS
const SHOP = 'https://linen.example'
const s = session({ before, after })
const byTest = s.byTest
let endpoint = ''
let server = null

/** serve runs `partnerbook serve` on a data folder and resolves with its URL and a stop. */
function serve(data) {
  const proc = spawn(bin, ['--data', data, 'serve', '--addr', '127.0.0.1:0'], { stdio: ['ignore', 'pipe', 'pipe'] })
  return new Promise((resolve, reject) => {
    let out = ''
    proc.stdout.on('data', (d) => {
      out += d
      const m = out.match(/http:\/\/\S+/)
      if (m) resolve({ url: m[0], stop: () => new Promise((r) => { proc.once('exit', r); proc.kill('SIGTERM') }) })
    })
    proc.on('exit', (code) => reject(new Error(`serve exited ${code}`)))
  })
}

async function shot(name) {
  if (shots) await s.page.screenshot({ path: join(shots, `sync-${name}.png`), fullPage: true })
}

const post = (path, body, headers) => fetch(endpoint + path, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) })
const eventRows = () => byTest('events-table').locator('tbody tr')

after(async () => { await server?.stop() })

test('allow the shop\'s site, make keys, and copy the snippet with the key filled in', async () => {
  s.ui.cli('program', 'create', '--file', join(root, 'program.json'))
  s.ui.cli('import', 'partners', '--program', '1', join(root, 'partners.csv'))
  await s.page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  await s.page.goto(s.ui.url)
  await s.page.locator('[data-testid="nav"]').getByText('Sync', { exact: true }).click()
  await s.page.getByRole('heading', { name: 'Sync' }).waitFor()
  await byTest('events-empty').waitFor()
  await byTest('snippet-nokey').waitFor()
  await shot('empty')

  // Allowed origins: one that is not an origin is refused naming it; then the right one.
  const tags = byTest('origins')
  await tags.locator('button').click()
  await tags.locator('input').fill('https://linen.example/shop')
  await tags.locator('input').press('Enter')
  await byTest('site-save').click()
  await byTest('sync-sites').getByText('should be only scheme, host and port').waitFor()
  await tags.locator('.n-tag__close').first().click()
  await tags.locator('button').click()
  await tags.locator('input').fill(SHOP)
  await tags.locator('input').press('Enter')
  await byTest('site').fill(SHOP + '/')
  await byTest('site-save').click()
  await s.page.getByText('Allowed sites saved.').waitFor()
  const [program] = JSON.parse(s.ui.cli('--json', 'program', 'list')).programs
  assert.deepEqual([program.origins, program.site], [[SHOP], SHOP + '/'])

  // A secret key: shown once, copied, then listed only by its prefix.
  await byTest('key-new').click()
  await byTest('key-kind').getByText('Secret (your server)').click()
  await byTest('key-create').click()
  const secret = await byTest('key-value').innerText()
  assert.match(secret, /^sk_live_/)
  await shot('secret-key')
  await byTest('key-copy').click()
  await byTest('key-copy').getByText('Copied').waitFor()
  assert.equal(await s.page.evaluate(() => navigator.clipboard.readText()), secret)
  await byTest('key-done').click()
  assert.equal(await byTest('keys-table').getByText(secret).count(), 0)
  await byTest('keys-table').getByText(secret.slice(0, 12) + '…').waitFor()

  // A test and a live publishable key: the snippet carries the live one.
  for (const test of [true, false]) {
    await byTest('key-new').click()
    await byTest('key-kind').getByText('Publishable (pages)').click()
    if (test) await byTest('key-test').click()
    await byTest('key-create').click()
    await byTest('key-done').click()
  }
  const keys = JSON.parse(s.ui.cli('--json', 'keys', 'list', '--program', '1')).keys
  assert.deepEqual(keys.map((k) => `${k.kind} ${k.test}`).sort(), ['publishable false', 'publishable true', 'secret false'])
  const snippet = await byTest('snippet').innerText()
  const live = snippet.match(/data-program="(pk_live_\w+)"/)?.[1]
  assert.ok(live, snippet)
  // No server linked and the app's endpoint off: an example address to replace.
  assert.ok(snippet.startsWith('<script src="https://track.example.com/pb.js" data-program="pk_live_'), snippet)
  await byTest('snippet-copy').click()
  assert.equal(await s.page.evaluate(() => navigator.clipboard.readText()), snippet)
})

test('the install check shows events as they arrive, marks test ones, and purges them', async () => {
  const data = s.ui.data
  // Events reach this data folder through `serve` (the same handlers as the app's endpoint).
  server = await serve(data)
  endpoint = server.url
  const snippet = await byTest('snippet').innerText()
  const live = snippet.match(/data-program="(pk_live_\w+)"/)[1]
  const testKey = JSON.parse(execFileSync(bin, ['--data', data, '--json', 'keys', 'create', '--program', '1', '--kind', 'publishable', '--test'], { encoding: 'utf8' })).key
  const sk = JSON.parse(execFileSync(bin, ['--data', data, '--json', 'keys', 'create', '--program', '1', '--kind', 'secret'], { encoding: 'utf8' })).key
  const origin = { Origin: SHOP }
  for (const [i, key] of [[1, testKey], [2, testKey]]) {
    const r = await post('/v1/track/visit', { event_id: `t${i}`, program: key, ref: 'kira', visitor: 'v-test', url: SHOP + '/?ref=kira', referrer: '' }, origin)
    assert.equal(r.status, 200)
  }
  await eventRows().nth(1).waitFor()
  assert.equal(await byTest('events-table').locator('[data-testid="test-mark"]').count(), 2)
  await byTest('check-summary').getByText('only test events so far').waitFor()
  assert.equal((await post('/v1/track/visit', { event_id: 'l1', program: live, ref: 'lena', visitor: 'v1', url: SHOP + '/linen?ref=lena', referrer: 'https://blog.example/a' }, origin)).status, 200)
  assert.equal((await post('/v1/track/signup', { event_id: 'l2', program: live, visitor: 'v1', email: 'ada@example.org', name: 'Ada', key: '' }, origin)).status, 200)
  assert.equal((await post('/v1/track/sale', { order_id: 'web-1001', customer: { email: 'ada@example.org' }, amount: '120.00', currency: 'EUR', items: [] },
    { Authorization: 'Bearer ' + sk })).status, 200)
  // Live: the screen asks again by itself.
  await byTest('events-table').getByText('order web-1001 · 120.00 EUR · ada@example.org').waitFor()
  await byTest('events-table').getByText('partner lena · /linen?ref=lena · from blog.example').waitFor()
  await byTest('events-table').locator('tr', { hasText: 'web-1001' }).getByText('applied').waitFor()
  assert.equal(await eventRows().count(), 5)
  await shot('install-check')
  await byTest('purge-tests').click()
  await s.page.getByRole('button', { name: 'Purge', exact: true }).click()
  await s.page.getByText('2 test events purged.').waitFor()
  await s.page.waitForFunction(() => document.querySelectorAll('[data-testid="events-table"] tbody tr').length === 3)
  assert.equal(await byTest('events-table').locator('[data-testid="test-mark"]').count(), 0)
})

test('revoke a key: calls with it are refused (401)', async () => {
  const first = byTest('keys-table').locator('tbody tr', { hasText: 'pk_test_' }).first()
  const key = (await first.locator('code').innerText()).trim()
  const visit = () => post('/v1/track/visit', { event_id: 'r' + Date.now(), program: key, ref: 'kira', visitor: 'v9', url: SHOP + '/', referrer: '' }, { Origin: SHOP })
  assert.equal((await visit()).status, 200)
  await first.getByRole('button', { name: 'Revoke' }).click()
  await s.page.getByRole('button', { name: 'Revoke', exact: true }).last().click()
  await s.page.getByText(/is revoked: your shop's pages can no longer send events with it/).waitFor()
  await byTest('keys-table').locator('tbody tr', { hasText: key }).getByText('Revoked').waitFor()
  const revoked = JSON.parse(s.ui.cli('--json', 'keys', 'list', '--program', '1')).keys.filter((k) => k.revoked)
  assert.deepEqual(revoked.map((k) => key.startsWith(k.prefix)), [true])
  // The endpoint may remember a key for a moment; then it refuses it.
  let status = 0
  for (let i = 0; i < 30 && status !== 401; i++) {
    status = (await visit()).status
    if (status !== 401) await new Promise((r) => setTimeout(r, 200))
  }
  assert.equal(status, 401)
})

test('link a headless server and pull from it with the Sync button', async () => {
  const data = mkdtempSync(join(tmpdir(), 'pb-server-'))
  try {
    const secret = JSON.parse(execFileSync(bin, ['--data', data, '--json', 'init', '--server'], { encoding: 'utf8' })).sync_key
    const remote = await serve(data)
    try {
      await byTest('remote-url').fill(remote.url)
      await byTest('remote-secret').fill('wrong-secret')
      await byTest('remote-save').click()
      await s.page.getByText('The server link is saved.').waitFor()
      await byTest('sync-now').click()
      await byTest('pull-state').getByText('failed').waitFor()
      await byTest('remote-secret').fill(secret)
      await byTest('remote-save').click()
      await byTest('sync-now').click()
      await s.page.getByText(/^Pulled: \d+ events? fetched/).waitFor()
      await byTest('pull-state').getByText('Worked', { exact: true }).waitFor()
      // The snippet now points at the server the shop's pages reach.
      assert.match(await byTest('snippet').innerText(), new RegExp(`src="${remote.url}/pb.js"`))
      await shot('server')
    } finally {
      await remote.stop()
    }
  } finally {
    rmSync(data, { recursive: true, force: true })
  }
})
