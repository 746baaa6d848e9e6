import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { NMessageProvider } from 'naive-ui'
import FirstSteps from '@/components/FirstSteps.vue'
import { useChecklistStore } from './checklist'
import { useProgramsStore } from './programs'
import { db, defaults, reset } from '@/api/fakes/db'
import { api, app, domain } from '@/api'

beforeEach(() => {
  reset()
  localStorage.clear()
  setActivePinia(createPinia())
})
afterEach(() => {
  document.body.innerHTML = ''
})

const done = (s: ReturnType<typeof useChecklistStore>) => Object.fromEntries(s.steps.map((x) => [x.id, x.done]))

describe('the first-start checklist', () => {
  it('ticks itself from the data as the shop goes', async () => {
    const s = useChecklistStore()
    await s.load(null)
    expect(done(s)).toEqual({ company: false, program: false, partners: false, import: false, payout: false })
    expect(s.shown).toBe(true)

    db.settings.set('company.name', 'Linen & Co.')
    const programs = useProgramsStore()
    const p = await programs.create(app.Program.createFrom({ ...defaults(), name: 'Linen' }))
    await s.load(p.id)
    expect(done(s)).toEqual({ company: true, program: true, partners: false, import: false, payout: false })

    await api.addPartner(p.id, app.Partner.createFrom({ id: 0, name: 'Kira', email: 'kira@example.org', key: 'kira', coupons: [], parent: '',
      status: 'active', address: '', country: '', vat_id: '', language: 'en', paypal_email: '', iban: '', created_at: '' }))
    // An undone import is no first import.
    db.batches = [domain.ImportBatch.createFrom({ id: 1, kind: 'orders', format: 'shopify', file: 'a.csv', hash: '', rows: 1, created: 1, updated: 0,
      unchanged: 0, skipped: 0, actor: 'window', at: '2025-03-14T08:00:00Z', undone_at: '2025-03-15T08:00:00Z', undoable: false })]
    await s.load(p.id)
    expect(done(s)).toMatchObject({ partners: true, import: false })
    db.batches[0].undone_at = ''
    await s.load(p.id)
    expect(done(s)).toMatchObject({ import: true, payout: false })
    expect(s.left).toBe(1)
  })

  it('is put away, stays away, and comes back', async () => {
    const s = useChecklistStore()
    await s.load(null)
    await s.hide()
    expect(db.settings.get('ui.checklist_hidden')).toBe('true')
    setActivePinia(createPinia())
    const again = useChecklistStore()
    await again.load(null)
    expect(again.hidden).toBe(true)
    expect(again.shown).toBe(false)
    await again.show()
    expect(again.shown).toBe(true)
  })

  it('shows each step with its action, and Hide puts it away', async () => {
    db.settings.set('company.name', 'Linen & Co.')
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { render: () => null } }] })
    const Host = defineComponent(() => () => h(NMessageProvider, () => h(FirstSteps)))
    mount(Host, { attachTo: document.body, global: { plugins: [router] } })
    await flushPromises()
    const q = (id: string) => document.querySelector(`[data-testid="${id}"]`) as HTMLElement | null
    expect(q('first-steps')!.textContent).toContain('1 of 5 done')
    expect(q('step-company')!.dataset.done).toBe('true')
    expect(q('step-company-go')).toBeNull()
    expect(q('step-program')!.dataset.done).toBe('false')
    q('step-program-go')!.click()
    await flushPromises()
    expect(router.currentRoute.value.path).toBe('/programs')
    q('first-steps-hide')!.click()
    await flushPromises()
    expect(q('first-steps')).toBeNull()
    expect(db.settings.get('ui.checklist_hidden')).toBe('true')
  })
})
