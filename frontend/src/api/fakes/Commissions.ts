import { app, domain } from '../../wailsjs/go/models'
import { db, invalid } from './db'

// Lines are kept with their status as stored; the fake sums two-decimal amounts as integer cents.
import { cents, text } from './money'

export async function List(f: domain.CommissionFilter): Promise<domain.CommissionPage> {
  db.calls.push(`Commissions.List ${JSON.stringify({ partner: f.partner, status: f.status, kind: f.kind, offset: f.offset })}`)
  const rows = db.lines.filter((l) => (!f.partner || l.partner === f.partner) && (!f.status || l.status === f.status) && (!f.kind || l.kind === f.kind))
  const totals = new Map<string, domain.Total>()
  for (const l of rows) {
    const k = `${l.status}/${l.currency}`
    const t = totals.get(k) ?? domain.Total.createFrom({ status: l.status, currency: l.currency, amount: '0.00', lines: 0 })
    t.amount = text(cents(t.amount) + cents(l.amount))
    t.lines++
    totals.set(k, t)
  }
  return domain.CommissionPage.createFrom({ lines: rows.slice(f.offset, f.offset + f.limit), count: rows.length, totals: [...totals.values()] })
}
export async function Balances(_p: number, partner: string, _asOf: string): Promise<domain.Balance[]> {
  const by = new Map<string, domain.Balance>()
  for (const l of db.lines.filter((x) => !partner || x.partner === partner)) {
    const b = by.get(l.partner) ?? domain.Balance.createFrom({ partner: l.partner, currency: l.currency, pending: '0.00', approved: '0.00', paid: '0.00', reversed: '0.00', rejected: '0.00' })
    const k = l.status as 'pending' | 'approved' | 'paid' | 'reversed' | 'rejected'
    b[k] = text(cents(b[k]) + cents(l.amount))
    by.set(l.partner, b)
  }
  return [...by.values()]
}
export async function Approve(_p: number, ids: number[]): Promise<domain.LineAction> {
  db.calls.push(`Commissions.Approve ${ids.join(',')}`)
  let changed = 0
  for (const l of db.lines) if (ids.includes(l.id) && l.status === 'pending') { l.status = 'approved'; changed++ }
  return domain.LineAction.createFrom({ changed })
}
export async function Reject(_p: number, ids: number[], reason: string): Promise<domain.LineAction> {
  if (!reason.trim()) throw invalid('the lines were not rejected', 'reason', 'say why they are rejected')
  db.calls.push(`Commissions.Reject ${ids.join(',')} ${reason}`)
  let changed = 0
  for (const l of db.lines) if (ids.includes(l.id) && l.status !== 'paid') { l.status = 'rejected'; l.note = reason; changed++ }
  return domain.LineAction.createFrom({ changed })
}
export async function Adjust(_p: number, a: domain.Adjustment): Promise<domain.CommissionLine> {
  if (!a.comment.trim()) throw invalid('the adjustment was not added', 'comment', 'say what the adjustment is for')
  const l = domain.CommissionLine.createFrom({ id: db.lines.length + 1, partner: a.partner, kind: 'adjustment', status: 'approved',
    amount: a.amount, currency: a.currency || 'EUR', note: a.comment, base: '0.00' })
  db.lines.push(l)
  return l
}
export async function Customers(f: domain.CustomerFilter): Promise<app.CustomerPage> {
  const rows = db.customers.filter((c) => (!f.partner || c.partner === f.partner) && (!f.search || c.email.startsWith(f.search)))
  return app.CustomerPage.createFrom({ rows, total: rows.length })
}
export async function Assign(_p: number, id: number, partner: string, _note: string): Promise<domain.CustomerRow> {
  db.calls.push(`Commissions.Assign ${id} ${partner}`)
  const c = db.customers.find((x) => x.id === id)!
  c.partner = partner
  c.reason = 'manual'
  return c
}
