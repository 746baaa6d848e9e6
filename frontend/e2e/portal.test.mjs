// End to end in Chromium against the partner portal served by `partnerbook serve`, with a real
// SMTP server (Mailpit, started by scripts/test.sh): a partner signs in with the code mailed to
// them, sees their overview, downloads a statement whose bytes are the filed ones, and submits
// a lead that the shop then sees on the app's Leads screen (`partnerbook ui`, same folder).
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { bin, session } from './helpers.mjs'

const root = join(import.meta.dirname, '..', '..', 'backend')
const smtp = process.env.PARTNERBOOK_MAILPIT_SMTP
const api = process.env.PARTNERBOOK_MAILPIT_API
const skip = !smtp || !api ? 'needs Mailpit: run scripts/test.sh, or scripts/mailservers.sh start DIR and source DIR/env' : false
const s = session({ before, after })
let serve = null
let portal = ''

/** startServe runs `partnerbook serve` on the data folder and resolves with its URL. */
function startServe(data) {
  const proc = spawn(bin, ['serve', '--data', data, '--addr', '127.0.0.1:0'], { stdio: ['ignore', 'pipe', 'pipe'] })
  let stderr = ''
  proc.stderr.on('data', (d) => (stderr += d))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('partnerbook serve printed no URL: ' + stderr)), 15000)
    proc.stdout.on('data', (d) => {
      const m = String(d).match(/http:\/\/\S+/)
      if (m) { clearTimeout(timer); resolve({ proc, url: m[0].replace(/\/$/, '') }) }
    })
    proc.on('exit', (code) => reject(new Error(`partnerbook serve exited ${code}: ${stderr}`)))
  })
}

/** mailedCode waits for the sign-in mail to an address in Mailpit and returns its code. */
async function mailedCode(to) {
  for (let i = 0; i < 100; i++) {
    const got = await (await fetch(api + '/api/v1/messages')).json()
    const m = got.messages.find((m) => m.To[0].Address === to && /\d{6}/.test(m.Subject))
    if (m) return m.Subject.match(/(\d{6})/)[1]
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error('no sign-in mail reached ' + to)
}

after(async () => {
  if (serve) { serve.proc.kill('SIGTERM'); await new Promise((r) => serve.proc.once('exit', r)) }
})

test('a partner signs in with a mailed code, sees the overview, downloads the filed statement and submits a lead', { skip }, async () => {
  await fetch(api + '/api/v1/messages', { method: 'DELETE' })
  const program = JSON.parse(readFileSync(join(root, 'cli', 'testdata', 'program.json'), 'utf8'))
  program.portal = 'on'
  const file = join(s.ui.data, 'program-portal.json')
  await import('node:fs').then((fs) => fs.writeFileSync(file, JSON.stringify(program)))
  s.ui.cli('program', 'create', '--file', file)
  s.ui.cli('import', 'partners', '--program', '1', join(root, 'cli', 'testdata', 'partners.csv'))
  s.ui.cli('import', 'orders', '--program', '1', join(root, 'importer', 'testdata', 'orders_export_1.csv'))
  s.ui.cli('commissions', 'adjust', '--program', '1', '--partner', 'kira', '--amount', '45.00', '--comment', 'bonus')
  const [host, port] = smtp.split(':')
  for (const [k, v] of [['company.name', 'Linen & Co.'], ['company.address', '1 Mill Lane, Leeds'], ['company.country', 'GB'],
    ['company.vat_id', 'GB123456789'], ['company.website', 'https://linen.example'], ['mail.from', 'shop@linen.example'],
    ['smtp.host', host], ['smtp.port', port], ['smtp.security', 'none'], ['smtp.user', 'shop'], ['smtp.password', 'any']]) s.ui.cli('settings', 'set', k, v)
  s.ui.cli('--as-of', '2025-05-10', 'payouts', 'run', '--program', '1')
  const filedDir = mkdtempSync(join(tmpdir(), 'pb-filed-'))
  s.ui.cli('statements', '--program', '1', '--payout', '2025-0001', '--out', filedDir)
  const filed = readFileSync(join(filedDir, '2025-0001-kira.pdf'))
  rmSync(filedDir, { recursive: true, force: true })

  serve = await startServe(s.ui.data)
  portal = serve.url + '/portal/'
  const page = await s.browser.newPage({ viewport: { width: 390, height: 844 }, acceptDownloads: true })
  await page.goto(portal)
  assert.equal(new URL(page.url()).pathname, '/portal/sign-in')
  await page.getByLabel('E-mail address').fill('KIRA@example.org')
  await page.getByRole('button', { name: 'Send me a code' }).click()
  await page.getByText('a code and a sign-in link are on their way').waitFor()
  await page.getByLabel('6-digit code').fill(await mailedCode('kira@example.org'))
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByRole('heading', { name: 'Hello, Kira Nowak' }).waitFor()
  const overview = await page.locator('main').innerText()
  assert.match(overview, /Paid\s+54\.61 EUR/)

  await page.getByRole('link', { name: 'Payouts' }).click()
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'PDF' }).first().click()])
  const got = readFileSync(await download.path())
  assert.ok(got.equals(filed), `the downloaded statement (${got.length} bytes) is not the filed one (${filed.length} bytes)`)

  await page.getByRole('link', { name: 'Leads' }).click()
  await page.getByLabel('Name').fill('Edda Stein')
  await page.getByLabel('E-mail address').fill('edda.stein@example.org')
  await page.getByRole('button', { name: 'Submit lead' }).click()
  await page.getByText('Thank you: the lead was recorded.').waitFor()
  assert.match(await page.locator('main table').innerText(), /E\. S\. · example\.org/)
  await page.close()

  // The shop sees the lead in the app at once, as kira's, from the portal.
  await s.page.goto(s.ui.url)
  await s.page.locator('[data-testid="nav"]').getByText('Leads', { exact: true }).click()
  await s.page.getByText('edda.stein@example.org').waitFor()
  const leads = JSON.parse(s.ui.cli('leads', '--program', '1', '--json')).leads
  assert.deepEqual(leads.map((l) => [l.email, l.partner, l.source]), [['edda.stein@example.org', 'kira', 'portal']])
})
