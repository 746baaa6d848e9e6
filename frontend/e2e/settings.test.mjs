// End to end in Chromium against `partnerbook ui`: the Settings screen refuses a BIC that is
// none under its field, keeps what was typed, saves the rest, takes a sender with a name, and
// About names the version the build set.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { session } from './helpers.mjs'

const s = session({ before, after })
const byTest = s.byTest
// until waits for what the command line reads (a toast of an earlier save may still be showing).
async function until(get, want) {
  for (let i = 0; i < 150 && get() !== want; i++) await s.page.waitForTimeout(100)
  assert.equal(get(), want)
}
const setting = (k) => s.ui.cli('settings', 'get', k).trim()

test('a wrong BIC is refused under its field; a right one is saved', async () => {
  await s.page.goto(s.ui.url)
  await byTest('sample-offer').waitFor()
  await byTest('decline-sample').click()
  await s.page.getByRole('heading', { name: 'Settings' }).waitFor()
  await byTest('setting-company.name').fill('Atelier Nord GmbH')
  await byTest('setting-company.name').press('Enter')
  await until(() => setting('company.name'), 'Atelier Nord GmbH')
  await s.page.locator('.n-tabs-tab', { hasText: /^Payments$/ }).click()
  await byTest('setting-company.iban').fill('DE02 1203 0000 0000 2020 51')
  await byTest('setting-company.bic').fill('BYLADEM')
  await byTest('setting-company.bic').press('Enter')
  const field = byTest('field-company.bic')
  await field.getByText(/not a BIC/).waitFor()
  assert.match(await field.innerText(), /"BYLADEM" is not a BIC: it has 7 characters, not 8 or 11/)
  assert.equal(await byTest('setting-company.bic').inputValue(), 'BYLADEM', 'what was typed stays, to be corrected')
  if (process.env.SCREENSHOTS) await s.page.screenshot({ path: `${process.env.SCREENSHOTS}/settings-bic-refused.png`, fullPage: false })
  // The other values of the group were saved.
  assert.equal(s.ui.cli('settings', 'get', 'company.name').trim(), 'Atelier Nord GmbH')
  assert.match(s.ui.cli('settings', 'get', 'company.iban'), /DE02/)
  assert.equal(s.ui.cli('settings', 'get', 'company.bic').trim(), '')

  await byTest('setting-company.bic').fill('byladem1')
  await byTest('setting-company.bic').press('Enter')
  await until(() => setting('company.bic'), 'BYLADEM1')
  await field.getByText(/not a BIC/).waitFor({ state: 'detached' })
})

test('the From address may carry a name', async () => {
  await s.page.locator('.n-tabs-tab', { hasText: /^Mail$/ }).click()
  await byTest('setting-mail.from').fill('Atelier Nord <shop@atelier.test>')
  await byTest('setting-mail.from').press('Enter')
  await until(() => setting('mail.from'), 'Atelier Nord <shop@atelier.test>')
  await byTest('setting-mail.from').fill('Atelier Nord <shop@>')
  await byTest('setting-mail.from').press('Enter')
  await byTest('field-mail.from').getByText(/not an e-mail address/).waitFor()
  if (process.env.SCREENSHOTS) {
    await byTest('field-mail.from').scrollIntoViewIfNeeded()
    await s.page.screenshot({ path: `${process.env.SCREENSHOTS}/settings-from-refused.png` })
  }
})

test('About names the version the build set', async () => {
  await s.page.locator('.n-tabs-tab', { hasText: /^About$/ }).click()
  const version = await byTest('about-version').innerText()
  // scripts/build.sh sets it: wails.json's productVersion and the commit built.
  assert.match(version, /^Partnerbook \d+\.\d+\.\d+\+[0-9a-f]{7,}$/)
  if (process.env.SCREENSHOTS) await s.page.screenshot({ path: `${process.env.SCREENSHOTS}/settings-about.png` })
})
