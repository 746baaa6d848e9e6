// End to end in Chromium against `partnerbook ui`: a list is filtered, Export CSV downloads
// it, and the file holds exactly the rows the filtered list shows (and the command line
// selects), with a spreadsheet-safe cell where a name is a formula.
import { readFileSync } from 'node:fs'
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { session } from './helpers.mjs'

const root = join(import.meta.dirname, '..', '..', 'backend')
const s = session({ before, after })
const byTest = s.byTest
const shots = process.env.PB_SHOTS

const nav = async (name) => {
  await s.page.locator('[data-testid="nav"]').getByText(name, { exact: true }).click()
  await s.page.getByRole('heading', { name }).waitFor()
}

/** parseCSV reads RFC 4180 CSV (quoted cells, doubled quotes, line breaks in quotes). */
function parseCSV(text) {
  const rows = []
  let row = [], cell = '', quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++ } else if (c === '"') quoted = false
      else cell += c
    } else if (c === '"') quoted = true
    else if (c === ',') { row.push(cell); cell = '' } else if (c === '\n') { row.push(cell); rows.push(row); row = []; cell = '' } else if (c !== '\r') cell += c
  }
  if (cell || row.length) { row.push(cell); rows.push(row) }
  return rows
}

async function exportList(list) {
  const [download] = await Promise.all([s.page.waitForEvent('download'), byTest(`export-${list}`).click()])
  const path = await download.path()
  return { name: download.suggestedFilename(), rows: parseCSV(readFileSync(path, 'utf8')) }
}

/** The ids the table shows now, in order (one column's cells). */
async function shown(table, column) {
  return byTest(table).locator(`tbody tr td:nth-child(${column})`).allInnerTexts()
}

test('the filtered orders export as exactly those rows', async () => {
  s.ui.cli('program', 'create', '--file', join(root, 'cli', 'testdata', 'program.json'))
  s.ui.cli('import', 'partners', '--program', '1', join(root, 'cli', 'testdata', 'partners.csv'))
  s.ui.cli('partner', 'add', '--program', '1', '--name', '=HYPERLINK("http://evil.test","x")', '--email', 'eve@example.org', '--key', 'eve')
  s.ui.cli('import', 'orders', '--program', '1', join(root, 'importer', 'testdata', 'orders_export_1.csv'))
  await s.page.goto(s.ui.url)
  await nav('Orders')
  await byTest('orders-table').getByText('#1004').waitFor()
  await byTest('orders-status').click()
  await s.page.locator('.n-base-select-option', { hasText: /^Paid$/ }).click()
  await s.page.waitForFunction(() => !document.querySelector('[data-testid="orders-table"]').innerText.includes('#1004'))
  const ids = await shown('orders-table', 2)
  const want = JSON.parse(s.ui.cli('orders', '--program', '1', '--json')).orders.filter((o) => o.status === 'paid')
  assert.equal(ids.length, want.length)
  if (shots) await s.page.screenshot({ path: join(shots, 'orders-export.png') })
  const { name, rows } = await exportList('orders')
  assert.match(name, /^linen-co-orders-\d{4}-\d\d-\d\d\.csv$/)
  assert.deepEqual(rows[0], ['time', 'source', 'order', 'customer', 'currency', 'total', 'base', 'refunded', 'status', 'partner', 'reason'])
  assert.deepEqual(rows.slice(1).map((r) => r[2]), ids, 'the file holds the rows the list shows, in its order')
  assert.ok(rows.slice(1).every((r) => r[8] === 'paid'))
  assert.deepEqual(rows.slice(1).map((r) => r[2]).sort(), want.map((o) => o.id).sort())
})

test('the searched partners export, formulas made text', async () => {
  await nav('Partners')
  await byTest('partners-table').getByText('lena@example.net').waitFor()
  await byTest('partner-search').fill('example.org')
  await s.page.waitForFunction(() => !document.querySelector('[data-testid="partners-table"]').innerText.includes('lena@'))
  const shownRows = await byTest('partners-table').locator('tbody tr').count()
  const { rows } = await exportList('partners')
  assert.equal(rows[0].slice(0, 3).join(','), 'name,email,key')
  assert.equal(rows.length - 1, shownRows)
  assert.deepEqual(rows.slice(1).map((r) => r[2]).sort(), ['eve', 'kira'])
  assert.equal(rows.find((r) => r[2] === 'eve')[0], `'=HYPERLINK("http://evil.test","x")`)
})
