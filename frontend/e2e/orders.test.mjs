// End to end in Chromium against `partnerbook ui`: import a Shopify export through the wizard
// (uploaded, as a browser must), see the orders, find one, and undo the import from the history.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { session } from './helpers.mjs'

const shopify = join(import.meta.dirname, '..', '..', 'backend', 'importer', 'testdata', 'orders_export_1.csv')
const s = session({ before, after })
const byTest = s.byTest

test('import a Shopify export through the wizard', async () => {
  // A program of its own (the sample has orders of its own already).
  s.ui.cli('program', 'create', '--file', join(import.meta.dirname, '..', '..', 'backend', 'cli', 'testdata', 'program.json'))
  await s.page.goto(s.ui.url)
  await s.page.locator('[data-testid="nav"]').getByText('Orders').click()
  await s.page.getByRole('heading', { name: 'Orders' }).waitFor()
  await byTest('import-open').click()
  await byTest('import-file').setInputFiles(shopify)
  await byTest('import-detected').waitFor()
  assert.equal(await byTest('import-detected').innerText(), 'shopify')
  assert.equal(await byTest('import-filename').innerText(), 'orders_export_1.csv')
  const preview = await byTest('import-preview').innerText()
  assert.match(preview, /#1001/)
  assert.match(preview, /56\.90 EUR/)
  assert.match(preview, /pending/) // a row that is not a sale, with why
  await byTest('import-start').click()
  await byTest('import-result').waitFor()
  assert.equal(await byTest('import-created').innerText(), '6')
  assert.match(await byTest('import-result').innerText(), /Imported as batch \d+/)
  await byTest('import-done').click()
})

test('the orders are listed, searchable and filterable', async () => {
  const table = byTest('orders-table')
  await table.getByText('#1001').waitFor()
  const text = await table.innerText()
  for (const id of ['#1001', '#1002', '#1003', '#1004', '#1006', '#1007']) assert.match(text, new RegExp(id))
  assert.match(await table.locator('tr', { hasText: '#1001' }).innerText(), /56\.90/)
  assert.match(await table.locator('thead').innerText(), /Time \(Berlin\)/, "times are in the program's zone, labelled")
  await byTest('orders-search').fill('#1003')
  await byTest('orders-search').press('Enter')
  await s.page.waitForFunction(() => !document.querySelector('[data-testid="orders-table"]').innerText.includes('#1001'))
  assert.match(await table.innerText(), /Partly refunded/)
  // What the window shows is what the command line reads.
  const orders = JSON.parse(s.ui.cli('orders', '--program', '1', '--json')).orders
  assert.equal(orders.length, 6)
  assert.equal(orders.find((o) => o.id === '#1003').status, 'partially_refunded')
})

test('the same file again changes nothing', async () => {
  await byTest('import-open').click()
  await byTest('import-file').setInputFiles(shopify)
  await byTest('import-start').click()
  await byTest('import-result').waitFor()
  assert.equal(await byTest('import-created').innerText(), '0')
  assert.equal(await byTest('import-unchanged').innerText(), '6')
  await byTest('import-done').click()
})

test('undo the first import from the history', async () => {
  await s.page.locator('.n-tabs-tab', { hasText: 'Import history' }).click()
  const history = byTest('history-table')
  await history.getByText('orders_export_1.csv').first().waitFor()
  const batches = JSON.parse(s.ui.cli('imports', '--program', '1', '--json')).imports
  assert.equal(batches.length, 2)
  // The newest (the unchanged re-import) goes first, then the one that created the orders.
  for (const b of batches) {
    await byTest(`undo-${b.id}`).click()
    await s.page.getByRole('button', { name: 'Undo it' }).click()
    await s.page.getByText(`Batch ${b.id} undone`).waitFor()
  }
  assert.equal(JSON.parse(s.ui.cli('orders', '--program', '1', '--json')).orders.length, 0)
  assert.match(await history.innerText(), /Undone/)
})

test('a file with bad rows is refused, each named; PayPal\'s short layout says what to download', async () => {
  const testdata = join(import.meta.dirname, '..', '..', 'backend', 'importer', 'testdata')
  await byTest('import-open').click()
  await byTest('import-file').setInputFiles(join(testdata, 'paypal-short.csv'))
  // No column mapping could read it: the wizard stays at the file step, saying what to download.
  const refused = byTest('import-error')
  await refused.waitFor()
  assert.match(await refused.innerText(), /PayPal's short activity layout/)
  assert.match(await refused.innerText(), /Activity download/)
  if (process.env.SHOTS) await s.page.screenshot({ path: join(process.env.SHOTS, 'import-paypal-short.png') })
  const dir = mkdtempSync(join(tmpdir(), 'pb-bad-'))
  const bad = join(dir, 'payments.csv')
  writeFileSync(bad, readFileSync(join(testdata, 'unified_payments.csv'), 'utf8').replace(',49.00,0.00,eur,', ',49.00,0.00,QQQ,'))
  await byTest('import-file').setInputFiles(bad)
  await byTest('import-detected').waitFor()
  await byTest('import-start').click()
  const failed = byTest('import-failed')
  await failed.waitFor()
  assert.match(await failed.innerText(), /row 2: column "Currency": "QQQ" is not an ISO 4217 currency code/)
  if (process.env.SHOTS) await s.page.screenshot({ path: join(process.env.SHOTS, 'import-bad-currency.png') })
  await byTest('import-done').click()
  rmSync(dir, { recursive: true, force: true })
})
