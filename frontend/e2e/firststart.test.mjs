// End to end in Chromium against `partnerbook ui` on a fresh data folder: decline the sample,
// see the Dashboard's setup checklist, add a program from it and see that step tick, then the
// company details and a partner; put the checklist away and bring it back. Every list screen
// of an empty program says what it will hold and offers the action that fills it.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { session } from './helpers.mjs'

const s = session({ before, after })
const byTest = s.byTest
const shots = process.env.SHOTS
const done = async (id) => (await byTest(`step-${id}`).getAttribute('data-done')) === 'true'
// The checklist reads the data again each time the Dashboard opens: wait for a step to say so.
const ticked = (id, yes = true) => s.page.locator(`[data-testid="step-${id}"][data-done="${yes}"]`).waitFor()
const dashboard = async () => {
  await s.page.locator('[data-testid="nav"]').getByText('Dashboard').click()
  await byTest('first-steps').waitFor()
}

test('declining the sample leads to a checklist that ticks itself', async () => {
  await s.page.goto(s.ui.url)
  await byTest('sample-offer').waitFor()
  await byTest('decline-sample').click()
  await s.page.getByRole('heading', { name: 'Settings' }).waitFor()
  await dashboard()
  assert.match(await byTest('first-steps').innerText(), /0 of 5 done/)
  for (const id of ['company', 'program', 'partners', 'import', 'payout']) assert.equal(await done(id), false, id)
  if (shots) await s.page.screenshot({ path: join(shots, 'dashboard-first-start.png') })

  // A program, from the checklist's own button.
  await byTest('step-program-go').click()
  await s.page.getByRole('heading', { name: 'Programs' }).waitFor()
  await byTest('new-program').click()
  await byTest('program-name').fill('Linen & Co. partners')
  await byTest('rule-sale').click()
  await byTest('rule-sale-value').fill('10')
  await byTest('program-save').click()
  await s.page.getByText('Program "Linen & Co. partners" saved.').waitFor()
  await dashboard()
  await ticked('program')
  assert.equal(await done('program'), true)
  assert.equal(await done('company'), false)
  assert.match(await byTest('first-steps').innerText(), /1 of 5 done/)

  // The company's name and a partner, made elsewhere (the command line): the list follows the data.
  s.ui.cli('settings', 'set', 'company.name', 'Linen & Co. GmbH')
  s.ui.cli('partner', 'add', '--program', '1', '--name', 'Kira Nowak', '--email', 'kira@example.org', '--key', 'kira')
  await s.page.reload()
  await byTest('first-steps').waitFor()
  await ticked('partners')
  assert.equal(await done('company'), true)
  assert.equal(await done('partners'), true)
  assert.equal(await done('import'), false)
  assert.match(await byTest('first-steps').innerText(), /3 of 5 done/)
  if (shots) await s.page.screenshot({ path: join(shots, 'dashboard-checklist-3.png') })
})

test('the checklist is put away, stays away, and comes back', async () => {
  await byTest('first-steps-hide').click()
  await byTest('first-steps').waitFor({ state: 'detached' })
  await s.page.reload()
  await byTest('first-steps-show').waitFor()
  assert.equal(await byTest('first-steps').count(), 0)
  assert.equal(JSON.parse(s.ui.cli('settings', 'get', 'ui.checklist_hidden', '--json')).setting.value, 'true')
  await byTest('first-steps-show').click()
  await byTest('first-steps').waitFor()
})

test('every list of an empty program says what it will hold and offers its action', async () => {
  s.ui.cli('program', 'create', '--file', join(import.meta.dirname, '..', '..', 'backend', 'cli', 'testdata', 'program.json'))
  const id = JSON.parse(s.ui.cli('program', 'list', '--json')).programs.find((p) => p.name === 'Linen & Co.').id
  await s.page.evaluate((v) => localStorage.setItem('partnerbook.program', String(v)), id)
  await s.page.reload()
  await s.page.locator('[data-testid="program-switcher"]', { hasText: /Linen & Co\.$/ }).waitFor()
  const screens = [
    { path: '/partners', says: /partner/i, action: /Add your first partner/i },
    { path: '/customers', says: /first imported order/i, action: /Import orders/i },
    { path: '/leads', says: /Leads are people/i, action: /Add a lead/i },
    { path: '/orders', says: /export files/i, action: /Import orders/i },
    { path: '/commissions', says: /as orders are imported/i, action: /Import orders/i },
  ]
  const problems = []
  for (const sc of screens) {
    await s.page.goto(`${s.ui.url}#${sc.path}`)
    const empty = s.page.locator('.page .dt-empty, .page .n-empty').first()
    await empty.waitFor({ timeout: 10000 }).catch(() => {})
    if (shots) await s.page.screenshot({ path: join(shots, `empty${sc.path.replace('/', '-')}.png`) })
    if (!(await empty.count())) { problems.push(`${sc.path}: no empty state`); continue }
    const text = await empty.innerText()
    if (!sc.says.test(text)) problems.push(`${sc.path}: the empty state says "${text}"`)
    if (/no data/i.test(text)) problems.push(`${sc.path}: says "No Data"`)
    const action = empty.locator('button, a')
    if (!(await action.count()) || !sc.action.test(await action.first().innerText())) problems.push(`${sc.path}: no action in "${text}"`)
  }
  assert.deepEqual(problems, [])
})
