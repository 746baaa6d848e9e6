import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import { createPinia, setActivePinia } from 'pinia'
import { createRouter, createMemoryHistory } from 'vue-router'
import { NMessageProvider, NNotificationProvider, NDialogProvider } from 'naive-ui'
import { useDashboardStore } from './dashboard'
import { useProgramsStore } from './programs'
import Dashboard from '@/views/Dashboard.vue'
import { db, defaults, reset } from '@/api/fakes/db'
import { emptyReport, reports } from '@/api/fakes/Reports'
import { domain } from '@/api'
import { change, money, percent } from '@/components/figures'
import { chartOption } from '@/components/chart'

function report(revenue: string, top: string, from = '2025-02-13', to = '2025-03-14') {
  const r = emptyReport(from, to)
  r.totals.orders = 46
  r.totals.revenue = revenue
  r.totals.commissions = '262.03'
  r.totals.refund_rate = '0.0435'
  r.previous.revenue = '1000.00'
  r.previous.from = '2025-01-14'
  r.previous.to = '2025-02-12'
  r.series = [domain.SeriesPoint.createFrom({ period: '2025-03-01', orders: 46, revenue, commissions: '262.03', new_customers: 30 })]
  r.partners = [domain.PartnerFigures.createFrom({ partner: top, name: top.toUpperCase(), orders: 46, revenue, new_customers: 30,
    commissions: '262.03', owed: '0.00', refunded: '0.00', refund_rate: '0.0435', visits: 0, signups: 0, earnings_per_visit: '' })]
  return r
}

beforeEach(() => {
  reset()
  reports.byKey = new Map()
  reports.attention = domain.Attention.createFrom({ ...reports.attention, has_orders: true, partners: 2, pending_lines: 1, leads_new: 3 })
  setActivePinia(createPinia())
})

describe('dashboard store', () => {
  it('loads the preset, keeps its days, and asks again when the preset changes', async () => {
    reports.byKey.set('last_30_days', report('5210.40', 'kira'))
    reports.byKey.set('this_year', report('9000.10', 'lena', '2025-01-01', '2025-03-14'))
    const s = useDashboardStore()
    await s.load(1)
    expect(s.report?.totals.revenue).toBe('5210.40')
    expect([s.from, s.to]).toEqual(['2025-02-13', '2025-03-14'])
    await s.choose('this_year')
    expect(s.report?.partners[0].partner).toBe('lena')
    expect(s.from).toBe('2025-01-01')
    expect(db.calls).toEqual(['Reports.Report last_30_days', 'Reports.Report this_year'])
  })
  it('asks for a custom range by its days', async () => {
    const s = useDashboardStore()
    await s.load(1)
    await s.custom('2025-03-01', '2025-03-31')
    expect(s.preset).toBe('custom')
    expect(db.calls.at(-1)).toBe('Reports.Report 2025-03-01..2025-03-31')
    expect(s.report?.from).toBe('2025-03-01')
  })
  it('is empty (next step, not zeros) while the program has no orders', async () => {
    reports.attention = domain.Attention.createFrom({ ...reports.attention, has_orders: false })
    const s = useDashboardStore()
    await s.load(1)
    expect(s.empty).toBe(true)
  })
})

describe('figures', () => {
  it('shows amounts from their strings, exactly', () => {
    // The dashboard writes money as every list does: the code after the amount, never a symbol before it.
    expect(money('5210.40', 'EUR')).toBe('5,210.40\u00a0EUR')
    expect(money('-1234567.05', 'USD')).toBe('−1,234,567.05\u00a0USD')
    expect(money('12.5', 'SEK')).toBe('12.50\u00a0SEK')
    expect(money('90071992547409.93', 'EUR')).toBe('90,071,992,547,409.93\u00a0EUR') // beyond a float's exact cents
    expect(percent('0.0435')).toBe('4.4%')
    expect(percent('1.0000')).toBe('100.0%')
  })
  it('compares with the period before in integers', () => {
    expect(change('5210.40', '1000.00')).toEqual({ text: '+421%', dir: 'up' })
    expect(change('900.00', '1000.00')).toEqual({ text: '−10.0%', dir: 'down' })
    expect(change('0.10', '0.30')).toEqual({ text: '−66.7%', dir: 'down' })
    expect(change(3, 0)).toEqual({ text: 'new', dir: 'new' })
    expect(change('0.00', '0.00')).toEqual({ text: '0%', dir: 'flat' })
  })
})

describe('chart', () => {
  it('takes numbers for heights only; its tooltip shows the strings', () => {
    const pts = [domain.SeriesPoint.createFrom({ period: '2025-03-14', orders: 1200, revenue: '5210.40', commissions: '1022.10', new_customers: 3 })]
    const o = chartOption(pts, 'EUR', true)
    expect(o.series[0].data).toEqual([5210.4])
    expect(o.xAxis.data).toEqual(['Mar 14'])
    expect(o.tooltip.formatter([{ dataIndex: 0 }])).toBe('<b>Mar 14</b><br>Revenue 5,210.40\u00a0EUR<br>Commissions 1,022.10\u00a0EUR<br>Orders 1,200')
    expect(o.series[0].itemStyle.color).not.toBe(chartOption(pts, 'EUR', false).series[0].itemStyle.color)
  })
})

async function mountDashboard() {
  const programs = useProgramsStore()
  db.programs = [{ ...defaults(), id: 1, name: 'Atelier' } as never]
  await programs.load()
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { render: () => null } }] })
  const Host = defineComponent(() => () => h(NNotificationProvider, () => h(NMessageProvider, () => h(NDialogProvider, () => h(Dashboard)))))
  const w = mount(Host, { attachTo: document.body, global: { plugins: [router], stubs: { ReportChart: true } } })
  await flushPromises()
  return w
}

describe('Dashboard', () => {
  it('shows the figures, the top partner and what needs attention; the picker changes them', async () => {
    reports.byKey.set('last_30_days', report('5210.40', 'kira'))
    reports.byKey.set('last_month', report('77.31', 'lena', '2025-02-01', '2025-02-28'))
    const w = await mountDashboard()
    expect(w.find('[data-testid="card-revenue"]').text()).toContain('5,210.40\u00a0EUR')
    expect(w.find('[data-testid="card-revenue"]').text()).toContain('+421%')
    expect(w.find('[data-testid="card-refunds"]').text()).toContain('4.4%')
    expect(w.find('[data-testid="top-partners"]').text()).toContain('KIRA')
    expect(w.find('[data-testid="attention"]').text()).toContain('1 commission line in their hold')
    expect(w.find('[data-testid="attention"]').text()).toContain('3 new leads')
    expect(w.find('[data-testid="period-label"]').text()).toContain('Feb 13 – Mar 14, 2025')
    await w.find('[data-testid="period-last_month"] input').trigger('change')
    await flushPromises()
    expect(w.find('[data-testid="card-revenue"]').text()).toContain('77.31\u00a0EUR')
    expect(w.find('[data-testid="top-partners"]').text()).toContain('LENA')
    w.unmount()
  })
  it('shows the next step instead of zeros for a program without orders', async () => {
    reports.attention = domain.Attention.createFrom({ ...reports.attention, has_orders: false, partners: 0 })
    const w = await mountDashboard()
    // The setup checklist says it first; put away, the program's own next step does.
    expect(w.find('[data-testid="first-steps"]').text()).toContain('Add partners')
    expect(w.find('[data-testid="next-step"]').exists()).toBe(false)
    expect(w.find('[data-testid="card-revenue"]').exists()).toBe(false)
    await w.find('[data-testid="first-steps-hide"]').trigger('click')
    await flushPromises()
    expect(w.find('[data-testid="next-step"]').text()).toContain('Add your partners')
    w.unmount()
  })
})
