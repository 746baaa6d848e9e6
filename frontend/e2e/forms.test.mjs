// End to end in Chromium against `partnerbook ui`: a form's error stands beside the field that
// caused it and, in a sentence, at the button pressed; it goes as soon as the field is changed
// (Settings, the program form, the partner dialog). The empty Payouts and Mail screens say what
// they will hold and offer what fills them; the mapping editor names its fields in words.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { session } from './helpers.mjs'

const s = session({ before, after })
const byTest = s.byTest
const shot = async (name) => { if (process.env.SHOTS) await s.page.screenshot({ path: `${process.env.SHOTS}/${name}.png` }) }
const nav = async (name) => {
  await s.page.locator('[data-testid="nav"]').getByText(name, { exact: true }).click()
  await s.page.getByRole('heading', { name }).waitFor()
}

test('Settings: a refused field shows why beside it and at the button, and both go once it is changed', async () => {
  await s.page.goto(s.ui.url)
  await byTest('sample-offer').waitFor()
  await byTest('decline-sample').click()
  await s.page.getByRole('heading', { name: 'Settings' }).waitFor()
  await s.page.locator('.n-tabs-tab', { hasText: /^Payments$/ }).click()
  await byTest('setting-company.bic').fill('BYLADEM')
  await byTest('save-payments').click()
  const field = byTest('field-company.bic')
  await field.getByText(/is not a BIC/).waitFor()
  assert.equal(await field.locator('.n-form-item-feedback').innerText(), '"BYLADEM" is not a BIC: it has 7 characters, not 8 or 11.')
  assert.match(await byTest('save-error-payments').innerText(), /^One field was not saved: see the message under it\.$/)
  await shot('forms-settings-error')
  await byTest('setting-company.bic').press('1')
  await field.getByText(/is not a BIC/).waitFor({ state: 'detached' })
  assert.equal(await byTest('save-error-payments').count(), 0, 'the message at the button goes with it')
})

test('the program form: an error beside its field, a rule error beside its rule, both at Save, gone once fixed', async () => {
  await s.page.locator('.n-tabs-tab', { hasText: /^Company$/ }).click()
  await byTest('first-start-next').click().catch(() => s.page.goto(`${s.ui.url}#/programs`))
  await s.page.getByRole('heading', { name: 'Programs' }).waitFor()
  await byTest('new-program').click()
  await byTest('program-name').fill('Linen & Co. partners')
  await byTest('program-threshold').fill('fifty')
  await byTest('rule-sale').click()
  await byTest('rule-sale-value').fill('150')
  await byTest('program-save').click()
  const threshold = byTest('program-field-threshold')
  await threshold.getByText('"fifty" is not an amount.').waitFor()
  assert.equal(await threshold.locator('.n-form-item-feedback').innerText(), '"fifty" is not an amount.')
  assert.match(await byTest('rule-field-sale').innerText(), /Must be between 0 and 100\./)
  const summary = await byTest('program-error').innerText()
  assert.match(summary, /^The program is not valid\. /)
  assert.match(summary, /Payout threshold: "fifty" is not an amount\./)
  assert.match(summary, /Sale: Must be between 0 and 100\./)
  assert.doesNotMatch(summary, /rules\.|payout_threshold/, 'no internal name reaches the person')
  await byTest('program-save').scrollIntoViewIfNeeded()
  await shot('forms-program-error')
  await byTest('program-threshold').fill('50')
  await threshold.getByText('is not an amount').waitFor({ state: 'detached' })
  assert.doesNotMatch(await byTest('program-error').innerText(), /Payout threshold/)
  await byTest('rule-sale-value').fill('15')
  await byTest('program-error').waitFor({ state: 'detached' })
  await byTest('program-save').click()
  await s.page.getByText('Program "Linen & Co. partners" saved.').waitFor()
})

test('the partner dialog: a bad e-mail address is named beside its field and at Save, and goes once changed', async () => {
  await nav('Partners')
  await byTest('new-partner').click()
  await byTest('partner-name').fill('Kira Nowak')
  await byTest('partner-key').fill('kira')
  await byTest('partner-email').fill('kira@')
  await byTest('partner-save').click()
  const email = byTest('partner-dialog').locator('.n-form-item', { has: byTest('partner-email') })
  await email.locator('.n-form-item-feedback').getByText(/e-mail/i).waitFor()
  const why = await email.locator('.n-form-item-feedback').innerText()
  assert.match(why, /^[A-Z"].*\.$/, 'a sentence')
  assert.match(await byTest('partner-error').innerText(), new RegExp(why.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
  await shot('forms-partner-error')
  await byTest('partner-email').fill('kira@example.org')
  await email.locator('.n-form-item-feedback').getByText(why).waitFor({ state: 'detached' })
  assert.equal(await byTest('partner-error').count(), 0)
  await byTest('partner-save').click()
  await s.page.getByText('Partner added.').waitFor()
})

test('the empty Payouts and Mail screens say what they will hold and offer what fills them', async () => {
  await nav('Payouts')
  const runs = byTest('runs-empty')
  await runs.waitFor()
  assert.match(await runs.innerText(), /Each payout run will be listed here with its statements/)
  assert.equal(await byTest('runs-empty-preview').innerText(), 'Preview a payout run')
  await shot('forms-payouts-empty')
  await byTest('runs-empty-preview').click()
  await byTest('preview-note').waitFor()

  await nav('Mail')
  const outbox = byTest('outbox')
  await outbox.getByText(/Mail to partners waits here until it is sent/).waitFor()
  await shot('forms-outbox-empty')
  await byTest('outbox-empty-setup').click()
  await s.page.getByRole('heading', { name: 'Settings' }).waitFor()
  await byTest('setting-mail.from').waitFor()
})

test('the mapping editor names the fields of a file it does not know in words, with what each is for', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pb-map-'))
  const file = join(dir, 'markt.csv')
  writeFileSync(file, 'Nr,Datum,Summe,Gutschein\nA-1,31.03.2025,24.00,KIRA10\n')
  await nav('Orders')
  await byTest('import-open').click()
  await byTest('import-file').setInputFiles(file)
  const editor = byTest('mapping-editor')
  await byTest('mapping-field-order_id').waitFor() // the fields come from the backend
  const text = await editor.innerText()
  for (const w of ['Order number *', 'Order date *', 'Order total *', 'Coupon codes', 'Customer e-mail', 'Dates are written as']) assert.ok(text.includes(w), `${w} in ${text}`)
  assert.doesNotMatch(text, /order_id|customer_email|\(Go\)/)
  await byTest('mapping-field-coupon').getByText('Coupon codes').hover()
  await s.page.getByText(/a partner's code credits the partner/).waitFor()
  await shot('forms-mapping-editor')
})
