// End to end in Chromium against `partnerbook ui`: create a program, add a partner, see it,
// edit it, and see the error for a coupon another partner has.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { session } from './helpers.mjs'

const s = session({ before, after })
const byTest = s.byTest

test('first start offers the sample program; declining goes on to the company details, then Programs', async () => {
  await s.page.goto(s.ui.url)
  await byTest('sample-offer').waitFor()
  await byTest('decline-sample').click()
  await s.page.getByRole('heading', { name: 'Settings' }).waitFor()
  await byTest('setting-company.name').waitFor()
  await byTest('first-start-next').click()
  await s.page.getByRole('heading', { name: 'Programs' }).waitFor()
})

test('create a program with a sale rule', async () => {
  await byTest('new-program').click()
  await byTest('program-name').fill('Linen & Co. partners')
  await byTest('program-threshold').fill('50')
  await byTest('rule-sale').click()
  await byTest('rule-sale-value').fill('12.5')
  await byTest('program-save').click()
  await s.page.getByText('Program "Linen & Co. partners" saved.').waitFor()
  const row = byTest('programs-table').locator('tr', { hasText: 'Linen & Co. partners' })
  await row.waitFor()
  assert.match(await row.innerText(), /50\.00\sEUR/)
  assert.match(await row.innerText(), /sale 12\.5%/)
  assert.match(await byTest('program-switcher').innerText(), /Linen & Co\. partners/)
})

async function fillPartner({ name, email, key, coupon }) {
  if (name !== undefined) await byTest('partner-name').fill(name)
  if (email !== undefined) await byTest('partner-email').fill(email)
  if (key !== undefined) await byTest('partner-key').fill(key)
  if (coupon !== undefined) {
    await byTest('partner-coupons').locator('button').click()
    await s.page.keyboard.type(coupon)
    await s.page.keyboard.press('Enter')
  }
}

test('add a partner and see it in the list', async () => {
  await s.page.locator('[data-testid="nav"]').getByText('Partners').click()
  await byTest('new-partner').click()
  await fillPartner({ name: 'Kira Nowak', email: 'Kira@Example.org', key: 'kira', coupon: 'LINEN10' })
  await byTest('partner-save').click()
  await s.page.getByText('Partner added.').waitFor()
  const row = byTest('partners-table').locator('tbody tr', { hasText: 'Kira Nowak' })
  await row.waitFor()
  const text = await row.innerText()
  assert.match(text, /kira@example\.org/, 'the e-mail is stored trimmed and lower case')
  assert.match(text, /LINEN10/)
  assert.match(text, /Active/)
  assert.equal(await byTest('vat-kira').innerText(), 'No VAT', 'the VAT treatment in words')
  await byTest('vat-kira').hover()
  await s.page.getByText(/private person, or a business outside the EU: net only\. Derived from the country and the VAT id/).waitFor()
  if (process.env.SHOTS) await s.page.screenshot({ path: `${process.env.SHOTS}/partners-vat.png` })
})

test('edit the partner', async () => {
  const row = byTest('partners-table').locator('tbody tr', { hasText: 'Kira Nowak' })
  await row.getByRole('button', { name: 'Edit' }).click()
  await fillPartner({ name: 'Kira Nowak-Lis' })
  await byTest('partner-iban').fill('DE89 3704 0044 0532 0130 00')
  await byTest('partner-save').click()
  await s.page.getByText('Partner saved.').waitFor()
  await byTest('partners-table').locator('tbody tr', { hasText: 'Kira Nowak-Lis' }).waitFor()
})

test('a coupon another partner has is refused with a readable error', async () => {
  await byTest('new-partner').click()
  await fillPartner({ name: 'Lena Fischer', email: 'lena@example.net', key: 'lena', coupon: 'linen10' })
  await byTest('partner-save').click()
  const err = byTest('partner-error')
  await err.waitFor()
  assert.match(await err.innerText(), /coupon "linen10" is taken by Kira Nowak-Lis/i)
  await s.page.getByRole('button', { name: 'Cancel' }).click()
  assert.equal(await byTest('partners-table').locator('tbody tr', { hasText: 'Lena Fischer' }).count(), 0)
})

test('the command line sees the same data', async () => {
  const out = JSON.parse(s.ui.cli('partner', 'list', '--program', 'Linen & Co. partners', '--json'))
  assert.equal(out.partners.length, 1)
  assert.equal(out.partners[0].name, 'Kira Nowak-Lis')
  assert.equal(out.partners[0].iban, 'DE89370400440532013000')
  assert.deepEqual(out.partners[0].coupons, ['LINEN10'])
})

test('a bad IBAN is named on its field', async () => {
  await byTest('new-partner').click()
  await fillPartner({ name: 'Marta', email: 'marta@example.org', key: 'marta' })
  await byTest('partner-iban').fill('DE89370400440532013001')
  await byTest('partner-save').click()
  await s.page.getByText(/check digits do not match/).first().waitFor()
  await s.page.getByRole('button', { name: 'Cancel' }).click()
})
