import { domain } from '../../wailsjs/go/models'
import { db } from './db'

// Reports answer what a test put in `reports`: a report per preset (or per partner key), and
// what needs attention. Unknown presets answer an empty report of that period.
export const reports = {
  byKey: new Map<string, domain.Report>(),
  attention: domain.Attention.createFrom({ pending_lines: 0, partners_pending: 0, leads_new: 0, mail_failed: 0, sync_stale: false,
    sync_last_pull: '', partners: 0, has_orders: false }),
}

export function emptyReport(from = '2025-02-13', to = '2025-03-14'): domain.Report {
  const zero = { orders: 0, revenue: '0.00', new_customers: 0, repeat_orders: 0, commissions: '0.00', pending: '0.00', owed: '0.00',
    due: '0.00', paid: '0.00', refunded: '0.00', refund_rate: '0.0000', visits: 0, signups: 0, pending_lines: 0 }
  return domain.Report.createFrom({ program: 'Shop', currency: 'EUR', from, to, by: 'day', as_of: to, partner: '', totals: zero,
    partners: [], series: [], previous: { from: '', to: '', orders: 0, revenue: '0.00', new_customers: 0, commissions: '0.00', refunded: '0.00', refund_rate: '0.0000' },
    other_currencies: [], funnel: { tracked: false, visits: 0, signups: 0, customers: 0, sales: 0, signup_rate: '0.0000', customer_rate: '0.0000', visit_to_sale: '0.0000',
      median_to_sale: '', median_to_sale_seconds: 0, timed_sales: 0 } })
}

export async function Report(q: domain.ReportQuery): Promise<domain.Report> {
  db.calls.push(`Reports.Report ${q.preset || `${q.from}..${q.to}`}${q.partner ? ' ' + q.partner : ''}`)
  const key = q.partner ? `${q.partner}:${q.preset}` : q.preset || `${q.from}..${q.to}`
  const r = reports.byKey.get(key)
  if (r) return r
  if (q.from && q.to && q.from > q.to) throw { code: 'invalid', message: 'the period is not valid', problems: [{ column: 'to', message: `${q.to} is before ${q.from}` }] }
  return emptyReport(q.from || undefined, q.to || undefined)
}

export async function Attention(_programId: number): Promise<domain.Attention> {
  return reports.attention
}
