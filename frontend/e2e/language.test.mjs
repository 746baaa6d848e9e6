// End to end in Chromium against `partnerbook ui`: the window's language is chosen in Settings
// (System, English, Deutsch), stored, and applied at once, without a restart; set to System it
// follows the browser's language again.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { session } from './helpers.mjs'

const s = session({ before, after })
const byTest = s.byTest
const shots = process.env.SHOTS

async function choose(label) {
  await s.page.goto(`${s.ui.url}#/settings?group=window`)
  await byTest('setting-ui.language').click()
  await s.page.locator('.n-base-select-option', { hasText: new RegExp(`^${label}$`) }).click()
  await byTest('save-window').click()
}
const statuses = () => byTest('orders-table').locator('tbody').innerText()

test('Deutsch applies at once and stays; System follows the browser again', async () => {
  s.ui.cli('init', '--sample')
  await s.page.goto(s.ui.url)
  await s.page.locator('[data-testid="nav"]').waitFor()
  await s.page.goto(`${s.ui.url}#/orders`)
  await byTest('orders-table').getByText('Paid').first().waitFor()

  await choose('Deutsch')
  for (let i = 0; i < 100 && s.ui.cli('settings', 'get', 'ui.language').trim() !== 'de'; i++) await s.page.waitForTimeout(100)
  assert.equal(s.ui.cli('settings', 'get', 'ui.language').trim(), 'de')
  if (shots) await s.page.screenshot({ path: join(shots, 'settings-language.png') })
  // No reload: the next screen speaks German.
  await s.page.locator('[data-testid="nav"]').getByText('Orders').click()
  await byTest('orders-table').getByText('Bezahlt').first().waitFor()
  assert.doesNotMatch(await statuses(), /\bPaid\b/)
  // Stored: a new start of the window speaks German too.
  await s.page.reload()
  await byTest('orders-table').getByText('Bezahlt').first().waitFor()

  await choose('System')
  for (let i = 0; i < 100 && s.ui.cli('settings', 'get', 'ui.language').trim() !== 'system'; i++) await s.page.waitForTimeout(100)
  await s.page.locator('[data-testid="nav"]').getByText('Orders').click()
  await byTest('orders-table').getByText('Paid').first().waitFor() // the browser speaks English
  assert.doesNotMatch(await statuses(), /Bezahlt/)
})
