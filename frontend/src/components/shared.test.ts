import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { defineComponent, h, ref } from 'vue'
import { createPinia, setActivePinia } from 'pinia'
import { NDialogProvider, NMessageProvider } from 'naive-ui'
import DataTable from './DataTable.vue'
import PartnerPicker from './pickers/PartnerPicker.vue'
import { countryOptions } from './pickers/countries'
import SettingsGroup from '@/settings/SettingsGroup.vue'
import { groups } from '@/settings/groups'
import { api } from '@/api'
import { db, reset } from '@/api/fakes/db'
import { app } from '@/api'
import type { Column } from '@/ui/table'
import { MINUS } from '@/ui/money'

beforeEach(() => {
  reset()
  setActivePinia(createPinia())
})
afterEach(() => {
  document.body.innerHTML = ''
})

type Row = { id: number; who: string; amount: string; currency: string }
const cols: Column<Row>[] = [
  { key: 'id', title: 'Line', kind: 'id', sortable: true },
  { key: 'who', title: 'Partner', sortable: true },
  { key: 'amount', title: 'Amount', kind: 'money', currency: (r) => r.currency, total: true, sortable: true },
]
const rows: Row[] = [
  { id: 1, who: 'Kira', amount: '12.5', currency: 'EUR' },
  { id: 2, who: 'Lena', amount: '-3', currency: 'EUR' },
  { id: 3, who: 'Aaron', amount: '1000', currency: 'EUR' },
]
const texts = (w: ReturnType<typeof mount>, col: number) => w.findAll('tbody tr').map((tr) => tr.findAll('td')[col].text())

describe('DataTable', () => {
  it('names a shared currency in the header, aligns money, marks negatives and totals exactly', () => {
    const w = mount(DataTable, { props: { columns: cols, rows, rowKey: (r: Row) => r.id, noun: 'lines' } as never })
    expect(w.findAll('th')[2].text()).toContain('Amount (EUR)')
    const cells = w.findAll('tbody tr td.dt-money')
    expect(cells.map((c) => c.text())).toEqual(['12.50', `${MINUS}3.00`, '1,000.00'])
    expect(cells[1].classes()).toContain('dt-neg')
    expect(w.find('tfoot').text()).toContain('1,009.50')
    expect(w.find('.dt-count').text()).toBe('3 lines')
  })
  it('shows the currency in each cell when the rows differ, and totals per currency', () => {
    const mixed = [...rows, { id: 4, who: 'Zoe', amount: '5', currency: 'USD' }]
    const w = mount(DataTable, { props: { columns: cols, rows: mixed, rowKey: (r: Row) => r.id, noun: 'lines' } as never })
    expect(w.findAll('th')[2].text()).not.toContain('(')
    expect(texts(w, 2)[3]).toBe('5.00\u00a0USD')
    expect(w.findAll('tfoot tr').map((r) => r.text())).toEqual([expect.stringContaining('1,009.50\u00a0EUR'), expect.stringContaining('5.00\u00a0USD')])
  })
  it('sorts loaded rows by a header click: money by value, largest first, then the other way', async () => {
    const w = mount(DataTable, { props: { columns: cols, rows, rowKey: (r: Row) => r.id, noun: 'lines' } as never })
    const sortBtn = () => w.findAll('th button.dt-sort')[2]
    await sortBtn().trigger('click')
    expect(texts(w, 0)).toEqual(['3', '1', '2'])
    expect(w.findAll('th')[2].attributes('aria-sort')).toBe('descending')
    await sortBtn().trigger('click')
    expect(texts(w, 0)).toEqual(['2', '1', '3'])
  })
  it('leaves sorting to the parent when it pages on the server', async () => {
    const w = mount(DataTable, { props: { columns: cols, rows, rowKey: (r: Row) => r.id, noun: 'lines', remoteSort: true } as never })
    await w.findAll('th button.dt-sort')[1].trigger('click')
    expect(w.emitted('sort')?.[0]).toEqual([{ key: 'who', desc: false }])
    expect(texts(w, 0)).toEqual(['1', '2', '3'])
  })
  it('moves between rows with the arrows and opens one with Enter', async () => {
    const w = mount(DataTable, { props: { columns: cols, rows, rowKey: (r: Row) => r.id, noun: 'lines', clickable: true } as never, attachTo: document.body })
    const trs = () => w.findAll('tbody tr')
    expect(trs().map((t) => t.attributes('tabindex'))).toEqual(['0', '-1', '-1'])
    await trs()[0].trigger('keydown', { key: 'ArrowDown' })
    expect(document.activeElement).toBe(trs()[1].element)
    await trs()[1].trigger('keydown', { key: 'Enter' })
    expect(w.emitted('open')?.[0]).toEqual([rows[1]])
  })
  it('pages the same way everywhere: offset with a count, keyset with "more"', async () => {
    const w = mount(DataTable, { props: { columns: cols, rows, rowKey: (r: Row) => r.id, noun: 'lines', testid: 't',
      paging: { mode: 'offset', offset: 3, limit: 3, total: 7 } } as never })
    expect(w.find('.dt-count').text()).toBe('4–6 of 7 lines')
    expect(w.find('tfoot').exists()).toBe(false) // a page's sum is not the list's total
    await w.find('[data-testid="t-next"]').trigger('click')
    expect(w.emitted('page')?.[0]).toEqual(['next'])
    await w.setProps({ paging: { mode: 'keyset', page: 1, more: true, shown: 3 } } as never)
    expect(w.find('.dt-count').text()).toBe('3 lines, more on the next page')
    expect(w.find('[data-testid="t-prev"]').attributes('disabled')).toBeDefined()
  })
  it('says what an empty list will hold, and offers the action from its slot', () => {
    const w = mount(DataTable, { props: { columns: cols, rows: [], rowKey: (r: Row) => r.id, noun: 'lines' } as never,
      slots: { empty: '<p>Lines appear when orders are imported.</p><button>Import orders</button>' } })
    expect(w.find('.dt-empty').text()).toContain('Lines appear when orders are imported.')
    expect(w.find('.dt-empty button').exists()).toBe(true)
  })
  it('keeps cut text whole in its hover title', () => {
    const long = [{ id: 1, who: 'A partner with a very long name indeed', amount: '1', currency: 'EUR' }]
    const w = mount(DataTable, { props: { columns: cols, rows: long, rowKey: (r: Row) => r.id, noun: 'lines' } as never })
    expect(w.find('.dt-ell').attributes('title')).toBe('A partner with a very long name indeed')
  })
})

describe('pickers', () => {
  it('finds a partner by e-mail and gives back their key', async () => {
    db.partners.set(1, [
      app.Partner.createFrom({ id: 1, key: 'kira', name: 'Kira Nowak', email: 'kira@example.org', coupons: [] }),
      app.Partner.createFrom({ id: 2, key: 'lena', name: 'Lena Berg', email: 'lena@example.net', coupons: [] }),
    ])
    const picked = ref('')
    const w = mount(defineComponent(() => () => h(PartnerPicker, { value: picked.value, programId: 1, 'onUpdate:value': (v: string) => (picked.value = v) })),
      { attachTo: document.body })
    await flushPromises()
    const picker = w.findComponent(PartnerPicker)
    const select = picker.findComponent({ name: 'Select' })
    select.vm.$emit('search', 'example.net')
    await flushPromises()
    const opts = select.props('options') as { label: string; value: string }[]
    expect(opts.map((o) => o.value)).toEqual(['lena'])
    expect(opts[0].label).toBe('Lena Berg · lena')
    select.vm.$emit('update:value', 'lena')
    await flushPromises()
    expect(picked.value).toBe('lena')
  })
  it('names countries and keeps their codes', () => {
    const opts = countryOptions()
    expect(opts.find((o) => o.value === 'DE')?.label).toBe('Germany (DE)')
    expect(opts.length).toBeGreaterThan(240)
  })
})

describe('Settings groups', () => {
  const mail = groups.find((g) => g.id === 'mail')!
  async function mountMail() {
    const settings = await api.settings()
    const Host = defineComponent(() => () => h(NMessageProvider, () => h(NDialogProvider, () => h(SettingsGroup, { group: mail, settings }))))
    return mount(Host, { attachTo: document.body })
  }
  it('never shows a setting key as a label', () => {
    for (const g of groups) for (const s of g.sections) for (const f of s.fields) {
      expect(f.label).not.toMatch(/[._]/)
      expect(f.label).not.toBe(f.key)
    }
  })
  it('shows an error under the field that caused it and at the button, and clears both when fixed', async () => {
    const w = await mountMail()
    await flushPromises()
    const port = w.findAllComponents({ name: 'Select' }).find((c) => c.attributes('data-testid') === 'setting-smtp.port')!
    port.vm.$emit('update:value', '99999')
    await flushPromises()
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(w.text()).toContain('Is not a port number (1 to 65535).')
    expect(w.find('[data-testid="save-error-mail"]').text()).toContain('One field was not saved')
    port.vm.$emit('update:value', '587')
    await flushPromises()
    expect(w.text()).not.toContain('Is not a port number')
    expect(w.find('[data-testid="save-error-mail"]').exists()).toBe(false)
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(db.settings.get('smtp.port')).toBe('587')
  })
})
