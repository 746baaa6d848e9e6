// End to end in Chromium against `partnerbook ui`: commissions of an imported export, a
// person's rejection, a reassigned customer, an adjustment, and a payout run previewed and
// confirmed; the command line reads back what the window did.
import { readFileSync } from 'node:fs'
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { session } from './helpers.mjs'

const root = join(import.meta.dirname, '..', '..', 'backend')
const s = session({ before, after })
const byTest = s.byTest
const nav = async (name) => {
  await s.page.locator('[data-testid="nav"]').getByText(name, { exact: true }).click()
  await s.page.getByRole('heading', { name }).waitFor()
}

test('the lines of an imported export, with totals', async () => {
  s.ui.cli('program', 'create', '--file', join(root, 'cli', 'testdata', 'program.json'))
  s.ui.cli('import', 'partners', '--program', '1', join(root, 'cli', 'testdata', 'partners.csv'))
  s.ui.cli('import', 'orders', '--program', '1', join(root, 'importer', 'testdata', 'orders_export_1.csv'))
  await s.page.goto(s.ui.url)
  await nav('Commissions')
  const table = byTest('commissions-table')
  await table.getByText('#1003').first().waitFor()
  assert.match(await table.locator('tr', { hasText: 'sale 20%' }).first().innerText(), /5\.22/)
  assert.match(await table.locator('thead').innerText(), /Amount \(EUR\)/)
  assert.match(await byTest('totals').innerText(), /Approved\s+14\.83\sEUR\s+4 lines/)
})

test('reject a line with a reason; its second tier follows', async () => {
  await byTest('commissions-table').locator('tbody tr').filter({ has: s.page.locator('td.dt-money', { hasText: /^5\.22$/ }) }).locator('.n-checkbox').click()
  await byTest('reject').click()
  await byTest('reject-reason').fill('order placed by the partner\'s family')
  await byTest('reject-confirm').click()
  await s.page.waitForFunction(() => document.querySelector('[data-testid="totals"]').innerText.includes('Rejected'))
  const lines = JSON.parse(s.ui.cli('commissions', '--program', '1', '--json', '--status', 'rejected')).lines
  assert.deepEqual(lines.map((l) => `${l.order} ${l.partner} ${l.kind}`), ['#1003 lena sale', '#1003 kira second_tier'])
  assert.equal(lines[0].note, 'order placed by the partner\'s family')
})

test('add an adjustment', async () => {
  await byTest('new-adjustment').click()
  await byTest('adjust-partner').click()
  await s.page.keyboard.type('kira')
  await s.page.locator('.n-base-select-option', { hasText: 'kira' }).first().click()
  await byTest('adjust-amount').fill('45.00')
  await byTest('adjust-save').click()
  await byTest('adjust-dialog').locator('.n-form-item-feedback').getByText('say what the adjustment is for', { exact: false }).waitFor()
  assert.match(await byTest('adjust-error').innerText(), /What it is for: Say what the adjustment is for/)
  await byTest('adjust-comment').fill('spring campaign bonus')
  await byTest('adjust-save').click()
  await byTest('commissions-table').getByText('spring campaign bonus').waitFor()
})

test('reassign a customer for their future orders', async () => {
  await nav('Customers')
  await byTest('customer-search').fill('amelie')
  await byTest('customer-search').press('Enter')
  await s.page.waitForFunction(() => !document.querySelector('[data-testid="customers-table"]').innerText.includes('mara@'))
  await byTest('customers-table').getByRole('button', { name: 'Reassign…' }).click()
  await byTest('assign-partner').click()
  await s.page.keyboard.type('kira')
  await s.page.locator('.n-base-select-option', { hasText: 'kira' }).first().click()
  await byTest('assign-save').click()
  await byTest('customers-table').getByText('Assigned by hand').waitFor()
  const c = JSON.parse(s.ui.cli('customers', '--program', '1', '--json', '--search', 'amelie')).customers[0]
  assert.equal(`${c.partner} ${c.reason}`, 'kira manual')
})

test('preview a payout run, then confirm it', async () => {
  await nav('Payouts')
  await byTest('run-as-of').locator('input').fill('2025-05-10')
  await byTest('run-as-of').locator('input').press('Enter')
  await byTest('run-preview').click()
  const preview = byTest('preview-table')
  await preview.waitFor()
  // kira: 1.00 + 7.30 + 45.00 = 53.30, over the threshold of 50; lena has nothing approved.
  assert.match(await byTest('preview-note').innerText(), /Preview as of 2025-05-10/)
  assert.match((await preview.innerText()).replace(/\s+/g, ' '), /Paid \(EUR\)[\s\S]*2025-0001 Kira Nowak PayPal 3 53\.30 – 53\.30/)
  // No company yet: the screen asks for the issuer of the invoices before a run.
  await byTest('company-details').waitFor()
  assert.ok(await byTest('run-confirm').isDisabled())
  await byTest('company-name').fill('Kaffee Shop GmbH')
  await byTest('company-address').fill('Hauptstraße 1\n10115 Berlin')
  await byTest('company-save').click()
  await byTest('company-details').waitFor({ state: 'detached' })
  assert.equal(s.ui.cli('settings', 'get', 'company.name').trim(), 'Kaffee Shop GmbH')
  // Something changes after the preview: confirming is refused and writes nothing.
  s.ui.cli('partner', 'update', '--program', '1', '--key', 'kira', '--address', 'ul. Długa 5, Gdańsk')
  await byTest('run-confirm').click()
  await byTest('run-stale').waitFor()
  assert.equal(JSON.parse(s.ui.cli('payouts', 'list', '--program', '1', '--json')).payouts.length, 0)
  await byTest('run-preview-again').click()
  await byTest('run-stale').waitFor({ state: 'detached' })
  await byTest('run-confirm').click()
  await byTest('run-1').waitFor()
  const payouts = JSON.parse(s.ui.cli('payouts', 'list', '--program', '1', '--json')).payouts
  assert.deepEqual(payouts.map((p) => `${p.number} ${p.partner} ${p.amount}`), ['2025-0001 kira 53.30'])
})

test("save a run's statements and files, and look at page 1 of a statement", async () => {
  await byTest('save-run-1').click()
  await byTest('saved-files').waitFor()
  assert.match(await byTest('saved-files').innerText(), /2025-0001-kira\.pdf[\s\S]*run-1-summary\.pdf[\s\S]*run-1-bookkeeping\.csv/)
  // The files are on disk, in the data folder (a browser has no folder dialog).
  const dir = join(s.ui.data, 'statements', 'run-1')
  assert.ok(readFileSync(join(dir, '2025-0001-kira.pdf')).subarray(0, 5).toString() === '%PDF-')
  assert.match(readFileSync(join(dir, 'run-1-bookkeeping.csv'), 'utf8'), /2025-0001,2025-05-10,.*,kira,.*,53\.30,EUR/)
  assert.match(readFileSync(join(dir, 'run-1-paypal-eur.csv'), 'utf8'), /^kira\.pay@example\.org,53\.30,EUR,2025-0001,/)
  // The statement opens in the window's own viewer; in a browser it can be downloaded from there.
  await byTest('view-2025-0001').click()
  await s.page.locator('[data-testid="pdf-canvas"][data-page="1"]').waitFor({ timeout: 30000 })
  assert.match(await byTest('statement-download').getAttribute('href'), /^blob:/)
  await s.page.keyboard.press('Escape')
  await byTest('pdf-viewer').waitFor({ state: 'detached' })
})

test('the partner page shows the balance paid', async () => {
  await nav('Partners')
  await byTest('open-kira').click()
  await byTest('partner-balances').getByText('53.30').waitFor()
  assert.match((await byTest('partner-balances').innerText()).replace(/\s+/g, ' '), /Paid \(EUR\)[\s\S]*EUR 0\.00 0\.00 53\.30/)
  assert.match(await s.page.locator('.n-tabs-tab', { hasText: 'Payouts (1)' }).innerText(), /Payouts \(1\)/)
})
