// End to end in Chromium against `partnerbook ui` and a real SMTP server (Mailpit, started by
// scripts/test.sh): mail a payout run's statements from the Payouts screen, follow them in the
// outbox, edit a template with its live preview, and check the servers.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { session } from './helpers.mjs'

const root = join(import.meta.dirname, '..', '..', 'backend')
const smtp = process.env.PARTNERBOOK_MAILPIT_SMTP
const api = process.env.PARTNERBOOK_MAILPIT_API
const skip = !smtp || !api ? 'needs Mailpit: run scripts/test.sh, or scripts/mailservers.sh start DIR and source DIR/env' : false
const s = session({ before, after })
const byTest = s.byTest
const nav = async (name) => {
  await s.page.locator('[data-testid="nav"]').getByText(name, { exact: true }).click()
  await s.page.getByRole('heading', { name }).waitFor()
}

test('mail a run\'s statements after the run, and see them sent in the outbox', { skip }, async () => {
  await fetch(api + '/api/v1/messages', { method: 'DELETE' })
  s.ui.cli('program', 'create', '--file', join(root, 'cli', 'testdata', 'program.json'))
  s.ui.cli('import', 'partners', '--program', '1', join(root, 'cli', 'testdata', 'partners.csv'))
  s.ui.cli('import', 'orders', '--program', '1', join(root, 'importer', 'testdata', 'orders_export_1.csv'))
  for (const p of ['kira', 'lena']) s.ui.cli('commissions', 'adjust', '--program', '1', '--partner', p, '--amount', '45.00', '--comment', 'bonus')
  const [host, port] = smtp.split(':')
  for (const [k, v] of [['company.name', 'Linen & Co.'], ['company.address', '1 Mill Lane, Leeds'], ['company.country', 'GB'],
    ['company.vat_id', 'GB123456789'], ['mail.from', 'shop@linen.example'], ['smtp.host', host], ['smtp.port', port],
    ['smtp.security', 'none'], ['smtp.user', 'shop'], ['smtp.password', 'any']]) s.ui.cli('settings', 'set', k, v)
  await s.page.goto(s.ui.url)
  await nav('Payouts')
  await byTest('run-as-of').locator('input').fill('2025-05-10')
  await byTest('run-as-of').locator('input').press('Enter')
  await byTest('run-preview').click()
  await byTest('run-confirm').click()
  await byTest('next-mail').waitFor()
  await byTest('mail-next').click()
  await byTest('next-mail').waitFor({ state: 'detached' })
  const got = await (await fetch(api + '/api/v1/messages')).json()
  assert.deepEqual(got.messages.map((m) => m.To[0].Address).sort(), ['kira@example.org', 'lena@example.net'])
  assert.ok(got.messages.every((m) => m.Attachments === 1))
  await nav('Mail')
  const outbox = byTest('outbox')
  await outbox.getByText('lena@example.net').waitFor()
  assert.equal(await outbox.locator('tbody tr', { hasText: 'Sent' }).count(), 2)
  await outbox.locator('tr', { hasText: 'kira@example.org' }).getByRole('button', { name: 'Open' }).click()
  await s.page.getByText(/^2025-0001-kira\.pdf \(\d+ KB\)$/).waitFor()
  await s.page.keyboard.press('Escape')
  // Mailing the run again from its card sends nothing new.
  await nav('Payouts')
  await byTest('mail-run-1').click()
  await s.page.getByText('0 statements queued (2 mailed before)').waitFor()
  assert.equal((await (await fetch(api + '/api/v1/messages')).json()).messages.length, 2)
})

test('edit a template with a live preview on a real partner', { skip }, async () => {
  await nav('Mail')
  await s.page.locator('.n-tabs-tab', { hasText: 'Templates' }).click()
  await byTest('preview-subject').waitFor()
  assert.match(await byTest('preview-subject').innerText(), /Your statement 2025-0001 from Linen & Co\./)
  // Placeholders are named in words and inserted with a click; the template language stays hidden.
  assert.match(await byTest('template-subject').inputValue(), /\[Statement number\] from \[Shop name\]/)
  await byTest('template-subject').fill("[Partner's name]: statement [Statement number] over ")
  await byTest('insert-Amount').click()
  await s.page.waitForFunction(() => document.querySelector('[data-testid="preview-subject"]')?.innerText.includes('over'))
  assert.equal(await byTest('preview-subject').innerText(), 'Kira Nowak: statement 2025-0001 over 54.61 EUR')
  await byTest('template-subject').fill('{{.Partner')
  await byTest('preview-error').waitFor()
  assert.match(await byTest('preview-error').innerText(), /subject/)
  await byTest('template-subject').fill("[Partner's name]: statement [Statement number]")
  await byTest('template-save').click()
  await s.page.getByText('Template saved.').waitFor()
  await s.page.reload()
  await nav('Mail')
  await s.page.locator('.n-tabs-tab', { hasText: 'Templates' }).click()
  await s.page.waitForFunction(() => document.querySelector('[data-testid="template-subject"]')?.value === "[Partner's name]: statement [Statement number]")
})

test('check the servers: a test message goes out', { skip }, async () => {
  await s.page.locator('.n-tabs-tab', { hasText: 'Servers and mailings' }).click()
  await byTest('test-to').fill('owner@linen.example')
  await byTest('mail-test').click()
  await byTest('mail-check').waitFor()
  assert.match((await byTest('mail-check').innerText()).replace(/\s+/g, ' '), /Sending: a test message went to owner@linen\.example\. Mailbox: not set/)
  const got = await (await fetch(api + '/api/v1/messages')).json()
  assert.ok(got.messages.some((m) => m.Subject === 'Partnerbook test message' && m.To[0].Address === 'owner@linen.example'))
  // The same check from the Settings screen, where the servers are set.
  await nav('Settings')
  await s.page.locator('.n-tabs-tab', { hasText: /^Mail$/ }).click()
  await byTest('settings-test-mail').click()
  await byTest('settings-mail-check').waitFor()
  assert.match(await byTest('settings-mail-check').innerText(), /Sending: a test message went to shop@linen\.example/)
})
