// End to end in Chromium against `partnerbook ui` with the sample shop on a fresh start (no
// company details): its own past run in the sample series, then a payout run's preview
// shows its totals per currency and in all, and the balances it carries in a section of their
// own with the reason in words; the run is made, and a statement opens in the window's own PDF
// viewer (pdf.js, bundled): page 1 is drawn, and page 2 when the statement has one.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { session } from './helpers.mjs'

const s = session({ before, after })
const byTest = s.byTest
const text = async (id) => (await byTest(id).innerText()).replace(/\s+/g, ' ')

/** inkOf counts the canvas's dark pixels: a page drawn has text, a blank one has none. */
const inkOf = (canvas) => canvas.evaluate((c) => {
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data
  let n = 0
  for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && d[i] + d[i + 1] + d[i + 2] < 300) n++
  return n
})

/** numbers lists the program's payout numbers of a run (as the command line lists them). */
const numbers = (run) => JSON.parse(s.ui.cli('payouts', 'list', '--program', '1', '--json')).payouts.filter((p) => p.run === run).map((p) => p.number).sort()

// A fresh start: no company details. The sample needs none: its runs are its invented company's.
function setUp() {
  s.ui.cli('init', '--sample')
  const adjust = (partner, amount, currency, comment) =>
    s.ui.cli('commissions', 'adjust', '--program', '1', '--partner', partner, '--amount', amount, ...(currency ? ['--currency', currency] : []), '--comment', comment)
  // Kira earns in dollars too (paid at the week-old rate); Søren's 5.00 stays under the
  // threshold of 25.00; Lena's many small bonuses make her statement two pages long.
  adjust('kira', '80.00', 'USD', 'US coffee fair')
  adjust('soren', '5.00', '', 'Trade fair')
  for (let i = 1; i <= 30; i++) adjust('lena', '1.00', '', `Newsletter mention ${i}`)
  const dir = mkdtempSync(join(tmpdir(), 'pb-rates-'))
  const day = new Date(Date.now() - 7 * 864e5).toISOString().slice(0, 10)
  writeFileSync(join(dir, 'eurofxref.csv'), `Date,USD\n${day},1.1000\n`)
  s.ui.cli('import', 'rates', join(dir, 'eurofxref.csv'))
}

test('the preview shows totals per currency and in all, and the carried balances with their reason', async () => {
  setUp()
  s.page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.log('console:', m.text()) })
  s.page.on('pageerror', (e) => console.log('page error:', e.message))
  await s.page.goto(`${s.ui.url}#/payouts`)
  // The sample's own past run, made without the shop's company details: in the sample series,
  // said so on the screen, and the shop's settings still empty.
  await byTest('run-1').waitFor()
  const first = numbers(1)
  assert.ok(first.length > 0)
  first.forEach((n, i) => assert.match(n, new RegExp(`^SAMPLE-\\d{4}-${String(i + 1).padStart(4, '0')}$`)))
  assert.match(await text('run-table-1'), new RegExp(first[0]))
  assert.match(await text('sample-issuer'), /issued by an invented company, Sample Coffee Roasters \(sample\), and numbered SAMPLE-…/)
  assert.equal(s.ui.cli('settings', 'get', 'company.name').trim(), '')
  await byTest('run-preview').click()
  await byTest('preview-table').waitFor()
  const want = JSON.parse(s.ui.cli('payouts', 'run', '--program', '1', '--dry-run', '--json'))
  assert.equal(want.payouts.length, 3)
  // In all: three payouts to two partners; per currency: EUR (Kira's and Lena's) and USD.
  assert.match(await text('preview-totals'), /In all 3 payouts to 2 partners/)
  const eur = want.payouts.filter((p) => p.currency === 'EUR').map((p) => Math.round(Number(p.amount) * 100)).reduce((a, b) => a + b)
  const eurText = (eur / 100).toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  assert.match(await text('preview-totals-EUR'), new RegExp(`Total in EUR ${eurText.replace('.', '\\.')}\\sEUR 2 payouts`))
  assert.match(await text('preview-totals-USD'), /Total in USD 80\.00\sUSD 1 payout/)
  // Partners by name, linking to their page; methods in words; the table totals per currency.
  const table = await text('preview-table')
  assert.match(table, /Kira Nowak PayPal/)
  assert.match(table, /Lena Fischer Bank transfer/)
  assert.doesNotMatch(table, /\biban\b|\bpaypal\b/)
  assert.equal(await byTest('preview-table').getByRole('link', { name: 'Lena Fischer' }).getAttribute('href'), '#/partners/lena')
  // Carried: in a section of its own, the reason in words with the threshold.
  assert.match(await text('preview-carried'), /Carried to a later run[\s\S]*Carried \(EUR\)[\s\S]*Søren Østergaard ApS 5\.00 Below the threshold \(25\.00 EUR\)/)
  assert.doesNotMatch(await text('preview-table'), /Søren/)
})

test('the run is made, newest first, and a statement opens in the viewer: page 1, then page 2', async () => {
  await byTest('run-confirm').click()
  await byTest('run-2').waitFor()
  // Newest first: the run just made above the sample's first run.
  const order = await s.page.locator('[data-testid^="run-"][aria-label^="Run "]').evaluateAll((els) => els.map((e) => e.dataset.testid))
  assert.deepEqual(order, ['run-2', 'run-1'])
  // Mail is not set up: the run offers the way to set it up rather than a button that fails.
  assert.equal(await byTest('mail-run-2').count(), 0)
  assert.equal(await byTest('mail-setup-2').getAttribute('href'), '#/settings?group=mail')
  // The sample's second run goes on in the sample series; the shop's series is not touched.
  const [first, second] = [numbers(1), numbers(2)]
  const next = (n) => n.replace(/\d{4}$/, (d) => String(Number(d) + 1).padStart(4, '0'))
  assert.equal(second.length, 3)
  assert.equal(second[0], next(first[first.length - 1]))
  assert.ok(second.every((n) => n.startsWith('SAMPLE-')), second.join(' '))
  assert.equal(s.ui.cli('settings', 'get', 'company.name').trim(), '')
  const lena = JSON.parse(s.ui.cli('payouts', 'list', '--program', '1', '--json')).payouts.find((p) => p.partner === 'lena' && p.run === 2)
  await byTest(`view-${lena.number}`).click()
  const canvas = byTest('pdf-canvas')
  await s.page.locator('[data-testid="pdf-canvas"][data-page="1"]').waitFor({ timeout: 20000 })
  assert.match(await text('pdf-page'), /of 2/)
  const ink1 = await inkOf(canvas)
  assert.ok(ink1 > 2000, `page 1 has ${ink1} dark pixels`)
  await byTest('pdf-next').click()
  await s.page.locator('[data-testid="pdf-canvas"][data-page="2"]').waitFor()
  const ink2 = await inkOf(canvas)
  assert.ok(ink2 > 200 && ink2 !== ink1, `page 2 has ${ink2} dark pixels (page 1 ${ink1})`)
  assert.ok(await byTest('pdf-next').isDisabled())
  // Zoom: a step in draws the page wider.
  const before = await canvas.evaluate((c) => c.width)
  await byTest('pdf-zoom-in').click()
  await s.page.waitForFunction((w) => document.querySelector('[data-testid="pdf-canvas"]').width > w, before)
  mkdirSync(join(import.meta.dirname, 'artifacts'), { recursive: true })
  await s.page.screenshot({ path: join(import.meta.dirname, 'artifacts', 'statement-viewer.png') })
  await s.page.keyboard.press('Escape')
  await byTest('pdf-viewer').waitFor({ state: 'detached' })
})
