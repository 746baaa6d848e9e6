import { app, domain } from '../../wailsjs/go/models'
import { db } from './db'
import { cents, text } from './money'

// A run pays every partner's approved lines (no threshold in the fake).
function plan(asOf: string): domain.PayoutRun {
  const by = new Map<string, domain.PayoutLine>()
  let n = db.runs.reduce((k, r) => k + r.payouts.length, 0)
  for (const l of db.lines.filter((x) => x.status === 'approved')) {
    let p = by.get(l.partner)
    if (!p) {
      n++
      p = domain.PayoutLine.createFrom({ number: `${asOf.slice(0, 4)}-${String(n).padStart(4, '0')}`, partner: l.partner, currency: l.currency, amount: '0.00', lines: 0 })
      by.set(l.partner, p)
    }
    p.amount = text(cents(p.amount) + cents(l.amount))
    p.lines++
  }
  const missing = ['company.name', 'company.address'].filter((k) => !db.settings.get(k))
  const fingerprint = `${asOf}:${db.lines.filter((x) => x.status === 'approved').map((l) => l.id).join(',')}:${missing.join(',')}`
  return domain.PayoutRun.createFrom({ run: 0, as_of: asOf, dry_run: true, payouts: [...by.values()], carried: [], warnings: [], fingerprint, missing })
}
export async function Preview(_p: number, asOf: string): Promise<domain.PayoutRun> {
  db.calls.push(`Payouts.Preview ${asOf}`)
  return plan(asOf)
}
export async function Run(_p: number, asOf: string, fingerprint: string): Promise<domain.PayoutRun> {
  db.calls.push(`Payouts.Run ${asOf}`)
  const r = plan(asOf)
  if (r.fingerprint !== fingerprint) throw { code: 'conflict', message: 'the run changed since the preview: preview again', problems: [] }
  if (r.missing?.length) throw { code: 'invalid', message: `no invoice without an issuer: set ${r.missing.join(', ')} first`, problems: [] }
  r.run = db.runs.length + 1
  r.dry_run = false
  for (const l of db.lines) if (l.status === 'approved') l.status = 'paid'
  db.runs.unshift(r)
  return r
}
export async function Runs(_p: number): Promise<domain.PayoutRun[]> {
  return db.runs
}

function known(number: string): domain.PayoutLine {
  for (const r of db.runs) for (const p of r.payouts) if (p.number === number) return p
  throw { code: 'not_found', message: `there is no payout "${number}" in this program`, problems: [] }
}
export async function OpenStatement(_p: number, number: string): Promise<app.StatementFile> {
  const p = known(number)
  db.calls.push(`Payouts.OpenStatement ${number}`)
  return app.StatementFile.createFrom({ path: `/data/statements/${number}-${p.partner}.pdf`, opened: true })
}
/** A statement's bytes: a minimal PDF of its number (base64), as the backend files it. */
export async function StatementPDF(_p: number, number: string): Promise<string> {
  known(number)
  return btoa(`%PDF-1.4\n% statement ${number}\n%%EOF\n`)
}
export async function SaveRun(_p: number, runId: number): Promise<app.SavedFiles> {
  const r = db.runs.find((x) => x.run === runId)
  if (!r) throw { code: 'not_found', message: `there is no payout run ${runId} in this program`, problems: [] }
  db.calls.push(`Payouts.SaveRun ${runId}`)
  const files = r.payouts.map((p) => `${p.number}-${p.partner}.pdf`).concat([`run-${runId}-summary.pdf`, `run-${runId}-bookkeeping.csv`])
  return app.SavedFiles.createFrom({ dir: `/data/statements/run-${runId}`, files, warnings: [] })
}
