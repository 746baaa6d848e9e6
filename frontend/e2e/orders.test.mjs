// End to end in Chromium against `partnerbook ui`: import a Shopify export through the wizard
// (uploaded, as a browser must), with the partner each order credits and why before importing;
// see the orders, find one; drop the same file again, which the wizard says was imported before;
// preview the whole file, which writes nothing; and undo the imports from the history.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { session } from './helpers.mjs'

const shopify = join(import.meta.dirname, '..', '..', 'backend', 'importer', 'testdata', 'orders_export_1.csv')
const s = session({ before, after })
const byTest = s.byTest

// The wizard gives the focus back to "Import orders…" only once its closing animation ends; a
// key pressed before that (Enter in the search, say) would land on that button and open it
// again. A person waits for the dialog to go; so does the test.
async function closeWizard() {
  await byTest('import-done').click()
  await byTest('import-wizard').waitFor({ state: 'detached' })
}

test('import a Shopify export through the wizard', async () => {
  // A program of its own (the sample has orders of its own already).
  const testdata = join(import.meta.dirname, '..', '..', 'backend', 'cli', 'testdata')
  s.ui.cli('program', 'create', '--file', join(testdata, 'program.json'))
  s.ui.cli('import', 'partners', '--program', '1', join(testdata, 'partners.csv'))
  await s.page.goto(s.ui.url)
  await s.page.locator('[data-testid="nav"]').getByText('Orders').click()
  await s.page.getByRole('heading', { name: 'Orders' }).waitFor()
  await byTest('import-open').click()
  await byTest('import-file').setInputFiles(shopify)
  await byTest('import-detected').waitFor()
  assert.equal(await byTest('import-detected').innerText(), 'Shopify orders')
  assert.equal(await byTest('import-filename').innerText(), 'orders_export_1.csv')
  assert.equal(await byTest('import-already').count(), 0)
  const preview = byTest('import-preview')
  assert.match(await preview.innerText(), /pending/) // a row that is not a sale, with why
  // Whom each order would credit, and why, before anything is imported.
  const row = (id) => preview.locator('tbody tr', { hasText: id })
  assert.match(await row('#1001').innerText(), /56\.90[\s\S]*Kira Nowak[\s\S]*Coupon KIRA10/)
  assert.match(await row('#1003').innerText(), /Lena Fischer[\s\S]*Coupon LENA15/)
  assert.match(await row('#1002').innerText(), /Nobody[\s\S]*No coupon, key or linked customer/)
  assert.match(await byTest('import-wizard').innerText(), /Nothing is imported yet/)
  assert.equal(JSON.parse(s.ui.cli('orders', '--program', '1', '--json')).orders.length, 0, 'the preview wrote nothing')
  if (process.env.SHOTS) await s.page.screenshot({ path: join(process.env.SHOTS, 'import-preview.png') })
  await byTest('import-start').click()
  await byTest('import-result').waitFor()
  assert.equal(await byTest('import-created').innerText(), '6')
  assert.match(await byTest('import-outcome').innerText(), /Imported as batch \d+/)
  // Refunds the orders' own rows carry (Shopify's) are counted; the lines are the ones stored.
  const refunded = JSON.parse(s.ui.cli('orders', '--program', '1', '--json')).orders.filter((o) => !/^0*\.?0*$/.test(o.refunded)).length
  assert.ok(refunded >= 2)
  assert.equal(await byTest('import-refunds').innerText(), String(refunded))
  const lines = JSON.parse(s.ui.cli('commissions', '--program', '1', '--json')).lines.length
  assert.ok(lines > 0)
  assert.equal(await byTest('import-lines-created').innerText(), String(lines))
  if (process.env.SHOTS) await s.page.screenshot({ path: join(process.env.SHOTS, 'import-result.png') })
  await closeWizard()
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

test('the same file dropped again: said before importing, previewed, then changes nothing', async () => {
  await byTest('import-open').click()
  // Dropped on the drop zone, as a browser drops a file: its bytes are uploaded.
  const dt = await s.page.evaluateHandle((text) => {
    const d = new DataTransfer()
    d.items.add(new File([text], 'orders_export_1 (1).csv', { type: 'text/csv' }))
    return d
  }, readFileSync(shopify, 'utf8'))
  await byTest('import-drop').dispatchEvent('drop', { dataTransfer: dt })
  const already = byTest('import-already')
  await already.waitFor()
  const first = JSON.parse(s.ui.cli('imports', '--program', '1', '--json')).imports.filter((b) => b.kind === 'orders')
  assert.equal(first.length, 1)
  assert.match(await already.innerText(), new RegExp(`Already imported as batch ${first[0].id} on \\d{4}-\\d{2}-\\d{2}`))
  assert.match(await already.innerText(), /importing it again changes nothing/)
  if (process.env.SHOTS) await s.page.screenshot({ path: join(process.env.SHOTS, 'import-already.png') })
  await byTest('import-dry-run').click()
  const outcome = byTest('import-outcome')
  await outcome.waitFor()
  assert.match(await outcome.innerText(), /Preview of the whole file: nothing was imported/)
  assert.equal(await byTest('import-unchanged').innerText(), '6')
  assert.equal(JSON.parse(s.ui.cli('imports', '--program', '1', '--json')).imports.filter((b) => b.kind === 'orders').length, 1, 'a preview is no batch')
  await byTest('import-now').click()
  await byTest('import-outcome').getByText(/Imported as batch/).waitFor()
  assert.equal(await byTest('import-created').innerText(), '0')
  assert.equal(await byTest('import-unchanged').innerText(), '6')
  assert.equal(await byTest('import-refunds').innerText(), '0')
  assert.equal(await byTest('import-lines-created').innerText(), '0')
  assert.equal(await byTest('import-lines-changed').innerText(), '0')
  await closeWizard()
})

test('undo the first import from the history', async () => {
  await s.page.locator('.n-tabs-tab', { hasText: 'Import history' }).click()
  const history = byTest('history-table')
  await history.getByText('orders_export_1.csv').first().waitFor()
  const batches = JSON.parse(s.ui.cli('imports', '--program', '1', '--json')).imports.filter((b) => b.kind === 'orders')
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
  assert.match(await failed.innerText(), /Row 2: column "Currency": "QQQ" is not an ISO 4217 currency code/)
  if (process.env.SHOTS) await s.page.screenshot({ path: join(process.env.SHOTS, 'import-bad-currency.png') })
  await closeWizard()
  rmSync(dir, { recursive: true, force: true })
})
