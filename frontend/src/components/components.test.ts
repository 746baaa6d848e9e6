import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { defineComponent, h, ref } from 'vue'
import { useFieldErrors } from '@/ui/fielderrors'
import { createPinia, setActivePinia } from 'pinia'
import { NMessageProvider } from 'naive-ui'
import PartnerDialog from './PartnerDialog.vue'
import ProgramForm from './ProgramForm.vue'
import FunnelCard from './FunnelCard.vue'
import ExportButton from './ExportButton.vue'
import { ApiError, listQuery, orderQuery, toApiError } from '@/api'
import { db, defaults, reset } from '@/api/fakes/db'
import { app, domain } from '@/api'

beforeEach(() => {
  reset()
  setActivePinia(createPinia())
})
afterEach(() => {
  document.body.innerHTML = ''
})

const input = (testid: string) => document.querySelector(`[data-testid="${testid}"]`) as HTMLInputElement

async function type(testid: string, value: string) {
  const el = input(testid)
  el.value = value
  el.dispatchEvent(new Event('input'))
  await flushPromises()
}

describe('PartnerDialog', () => {
  it('sends every field and shows the backend error on its field', async () => {
    const sent: app.Partner[] = []
    const save = async (p: app.Partner) => {
      sent.push(app.Partner.createFrom(JSON.parse(JSON.stringify(p))))
      throw toApiError({ code: 'invalid', message: 'the partner was not added', problems: [{ column: 'coupons', message: 'coupon "k10" is taken by Kira' }] })
    }
    const Host = defineComponent(() => () => h(NMessageProvider, () => h(PartnerDialog, { show: true, partner: null, save })))
    mount(Host, { attachTo: document.body })
    await flushPromises()
    await type('partner-name', 'Lena')
    await type('partner-email', 'lena@example.org')
    await type('partner-key', 'lena')
    ;(document.querySelector('[data-testid="partner-save"]') as HTMLButtonElement).click()
    await flushPromises()
    expect(sent).toHaveLength(1)
    expect(sent[0]).toMatchObject({ name: 'Lena', email: 'lena@example.org', key: 'lena', status: 'active', language: 'en' })
    const err = document.querySelector('[data-testid="partner-error"]')
    expect(err?.textContent).toContain('Coupon "k10" is taken by Kira.')
    expect(document.body.textContent).toContain('Coupon "k10" is taken by Kira.')
  })
  it('fills the form from the partner being edited and keeps its key fixed', async () => {
    const p = app.Partner.createFrom({ id: 3, name: 'Kira', email: 'kira@example.org', key: 'kira', coupons: ['K10'], parent: '',
      status: 'pending', address: '', country: 'PL', vat_id: '', language: 'de', paypal_email: '', iban: '', created_at: '' })
    const Host = defineComponent(() => () => h(NMessageProvider, () => h(PartnerDialog, { show: true, partner: p, save: async () => {} })))
    mount(Host, { attachTo: document.body })
    await flushPromises()
    expect(input('partner-name').value).toBe('Kira')
    expect(document.querySelector('[data-testid="partner-country"]')?.textContent).toContain('Poland (PL)')
    expect(input('partner-key').disabled).toBe(true)
  })
})

describe('ProgramForm', () => {
  it('shows each error under its field (a rule error under its rule) and at the button, gone once fixed', async () => {
    const program = ref(app.Program.createFrom({ ...defaults(), name: 'Shop', currency: 'EURO' }))
    program.value.rules.sale = app.Rate.createFrom({ percent: '150', fixed: '' })
    const errors = useFieldErrors(program, { labels: { currency: 'Currency', 'rules.sale': 'Sale' } })
    errors.set(new ApiError('invalid', 'the program is not valid', [
      { column: 'currency', message: '"EURO" is not an ISO 4217 code such as EUR' },
      { column: 'rules.sale.percent', message: 'must be between 0 and 100' },
    ]))
    const w = mount(ProgramForm, { props: { program: program.value, errors, saving: false }, attachTo: document.body })
    await flushPromises()
    expect(w.get('[data-testid="program-field-currency"]').text()).toContain('"EURO" is not an ISO 4217 code such as EUR.')
    expect(w.get('[data-testid="rule-field-sale"]').text()).toContain('Must be between 0 and 100.')
    expect(w.get('[data-testid="program-error"]').text()).toBe('The program is not valid. Currency: "EURO" is not an ISO 4217 code such as EUR. Sale: Must be between 0 and 100.')
    program.value.rules.sale!.percent = '15'
    await flushPromises()
    expect(w.get('[data-testid="rule-field-sale"]').text()).not.toContain('Must be between')
    expect(w.get('[data-testid="program-error"]').text()).not.toContain('Sale:')
    program.value.currency = 'EUR'
    await flushPromises()
    expect(w.find('[data-testid="program-error"]').exists()).toBe(false)
  })
  it('turns a rule on with a starting value and emits save', async () => {
    const program = app.Program.createFrom({ ...defaults(), name: 'Shop' })
    const w = mount(ProgramForm, { props: { program, errors: useFieldErrors(ref(program)), saving: false }, attachTo: document.body })
    await w.find('[data-testid="rule-sale"]').trigger('click')
    await flushPromises()
    expect(program.rules.sale).toEqual({ percent: '20', fixed: '' })
    await w.find('form').trigger('submit')
    expect(w.emitted('save')).toHaveLength(1)
  })
})

describe('FunnelCard', () => {
  const funnel = (over: Partial<domain.Funnel>) => domain.Funnel.createFrom({ tracked: true, visits: 200, signups: 20, customers: 5, sales: 8,
    signup_rate: '0.1000', customer_rate: '0.2500', visit_to_sale: '0.0400', median_to_sale: '', median_to_sale_seconds: 0, timed_sales: 0, ...over })
  it('shows the median time from first visit to first sale and what it is taken over', () => {
    const w = mount(FunnelCard, { props: { funnel: funnel({ median_to_sale: '2d 4h', median_to_sale_seconds: 187200, timed_sales: 3 }) } })
    const m = w.get('[data-testid="median-to-sale"]').text()
    expect(m).toContain('2d 4h')
    expect(m).toContain('over 3 new customers')
  })
  it('says when the median is not known yet', () => {
    const w = mount(FunnelCard, { props: { funnel: funnel({}) } })
    expect(w.get('[data-testid="median-to-sale"]').text()).toContain('—')
    expect(w.get('[data-testid="median-to-sale"]').text()).toContain('Known once')
  })
})

describe('ExportButton', () => {
  const filter = orderQuery({ program_id: 1, partner: 'kira', status: 'paid', search: '=1+2', after: '2025-03-01T00:00:00Z|9' })
  afterEach(() => {
    delete (window as unknown as { partnerbookBrowserMode?: boolean }).partnerbookBrowserMode
  })
  it('in the window, saves the list with exactly its filters through the save dialog', async () => {
    const Host = defineComponent(() => () => h(NMessageProvider, () => h(ExportButton, { list: 'orders', filter })))
    mount(Host, { attachTo: document.body })
    input('export-orders').click()
    await flushPromises()
    const call = db.calls.find((c) => c.startsWith('Exports.Orders '))
    expect(call).toBeDefined()
    expect(JSON.parse(call!.slice('Exports.Orders '.length))).toEqual(JSON.parse(JSON.stringify(filter)))
    expect(document.body.textContent).toContain('Exported to /exports/Orders.csv.')
  })
  it('in a browser, is a download link carrying the filters', async () => {
    ;(window as unknown as { partnerbookBrowserMode?: boolean }).partnerbookBrowserMode = true
    const Host = defineComponent(() => () => h(NMessageProvider, () => h(ExportButton, { list: 'leads', filter: listQuery({ program_id: 2, status: 'new' }) })))
    mount(Host, { attachTo: document.body })
    const a = input('export-leads') as unknown as HTMLAnchorElement
    expect(a.tagName).toBe('A')
    expect(a.hasAttribute('download')).toBe(true)
    const url = new URL(a.getAttribute('href')!, 'http://localhost')
    expect(url.pathname).toBe('/__pb/export/leads')
    expect(JSON.parse(url.searchParams.get('filter')!)).toMatchObject({ program_id: 2, status: 'new' })
    expect(db.calls.some((c) => c.startsWith('Exports.'))).toBe(false)
  })
})
