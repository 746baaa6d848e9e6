// End to end in Chromium against `partnerbook ui`: a Shopify export (the importer's fixture,
// its days moved near today) is imported; the dashboard shows the revenue and the top partner
// that `partnerbook report` gives for the same period, and the period picker changes them.
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { session } from './helpers.mjs'

const root = join(import.meta.dirname, '..', '..', 'backend')
const s = session({ before, after })
const byTest = s.byTest
const shots = process.env.PB_SHOTS // a folder: screenshots of the dashboard, light and dark

const ymd = (d) => d.toISOString().slice(0, 10)
const daysAgo = (n) => new Date(Date.now() - n * 86400000)

// The fixture's March orders move to 45 days ago, its April orders to the last week.
function exportNearToday() {
  const text = readFileSync(join(root, 'importer', 'testdata', 'orders_export_1.csv'), 'utf8')
  const moved = text.replace(/(2025-(\d\d)-(\d\d)) (\d\d:\d\d:\d\d [+-]\d{4})/g, (_, _d, month, dd, rest) => {
    const day = month === '03' ? daysAgo(45 + (30 - Number(dd)) / 10) : daysAgo(7 - (Number(dd) - 1))
    return `${ymd(day)} ${rest}`
  })
  const dir = mkdtempSync(join(tmpdir(), 'pb-dash-'))
  writeFileSync(join(dir, 'orders_export.csv'), moved)
  return join(dir, 'orders_export.csv')
}

// Money as every screen writes it: digits grouped, the currency's code after the amount.
const money = (a) => a.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + '\u00a0EUR'
const report = (...args) => JSON.parse(s.ui.cli('report', '--program', '1', ...args))

test('an empty program shows the next steps instead of zeros', async () => {
  s.ui.cli('program', 'create', '--file', join(root, 'cli', 'testdata', 'program.json'))
  await s.page.goto(s.ui.url)
  await byTest('first-steps').waitFor()
  assert.match(await byTest('first-steps').innerText(), /Add partners/)
  assert.equal(await byTest('card-revenue').count(), 0)
  // Put away, the checklist leaves the program's own next step.
  await byTest('first-steps-hide').click()
  await byTest('next-step').waitFor()
  assert.match(await byTest('next-step').innerText(), /Add your partners/)
})

test('after an import the dashboard shows the revenue and the top partner of `report`', async () => {
  s.ui.cli('import', 'partners', '--program', '1', join(root, 'cli', 'testdata', 'partners.csv'))
  s.ui.cli('import', 'orders', '--program', '1', exportNearToday())
  const want = report()
  assert.ok(want.totals.orders > 0, 'the last 30 days hold credited orders')
  await s.page.reload()
  await byTest('card-revenue').waitFor()
  assert.match(await byTest('card-revenue').innerText(), new RegExp(money(want.totals.revenue).replace('.', '\\.')))
  assert.match(await byTest('card-commissions').innerText(), new RegExp(money(want.totals.commissions).replace('.', '\\.')))
  const top = want.partners[0]
  assert.match(await byTest('top-partners').locator('tbody tr').first().innerText(), new RegExp(top.name))
  await byTest('report-chart').locator('canvas').waitFor()
  if (shots) {
    await s.page.screenshot({ path: join(shots, 'dashboard-light.png'), fullPage: true })
    await s.page.emulateMedia({ colorScheme: 'dark' })
    await s.page.waitForTimeout(300)
    await s.page.screenshot({ path: join(shots, 'dashboard-dark.png'), fullPage: true })
    await s.page.emulateMedia({ colorScheme: 'light' })
  }
})

test('Preview run opens the Payouts screen with the next run previewed', async () => {
  s.ui.cli('settings', 'set', 'company.name', 'Linen & Co. GmbH')
  s.ui.cli('settings', 'set', 'company.address', 'Lindenstraße 1, 10115 Berlin')
  const want = JSON.parse(s.ui.cli('payouts', 'run', '--program', '1', '--dry-run', '--json'))
  assert.ok(want.payouts.length + want.carried.length > 0, 'the imported orders owe something')
  await byTest('preview-run').click()
  await byTest('preview-table').waitFor()
  // The payouts in the preview's table, the carried balances in a section of their own.
  assert.equal(await byTest('preview-table').locator('tbody tr').count(), want.payouts.length)
  for (const c of want.carried) {
    assert.match((await byTest('preview-carried').innerText()).replace(/\s+/g, ' '), new RegExp(`${c.name || c.partner} ${c.amount.replace('.', '\\.')}`))
  }
  assert.match(await byTest('preview-note').innerText(), new RegExp(`Preview as of ${want.as_of}`))
  assert.doesNotMatch(s.page.url(), /preview/, 'a reload does not preview again')
  await s.page.locator('[data-testid="nav"]').getByText('Dashboard', { exact: true }).click()
  await byTest('card-revenue').waitFor()
})

test('the period picker changes the figures', async () => {
  const now = new Date()
  const want = report('--from', `${now.getUTCFullYear()}-01-01`, '--to', ymd(now))
  await byTest('period-this_year').click()
  await s.page.waitForFunction((text) => document.querySelector('[data-testid="card-revenue"]')?.innerText.includes(text), money(want.totals.revenue))
  assert.match(await byTest('period-label').innerText(), /Jan 1 –/)
  const last30 = report()
  if (daysAgo(46).getUTCFullYear() === now.getUTCFullYear()) {
    assert.notEqual(want.totals.revenue, last30.totals.revenue, 'the March orders count this year, not in the last 30 days')
  }
  await byTest(`top-${want.partners[0].partner}`).click()
  await byTest('partner-title').waitFor()
  assert.match(await byTest('partner-title').innerText(), new RegExp(want.partners[0].name))
  if (shots) {
    await byTest('partner-figures').waitFor()
    await s.page.screenshot({ path: join(shots, 'partner-light.png'), fullPage: true })
    await s.page.emulateMedia({ colorScheme: 'dark' })
    await s.page.waitForTimeout(300)
    await s.page.screenshot({ path: join(shots, 'partner-dark.png'), fullPage: true })
  }
})
