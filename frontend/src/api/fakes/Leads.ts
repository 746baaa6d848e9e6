import { app } from '../../wailsjs/go/models'
import { db, invalid } from './db'

function list(programId: number): app.Lead[] {
  if (!db.leads.has(programId)) db.leads.set(programId, [])
  return db.leads.get(programId)!
}

export async function List(q: app.ListQuery): Promise<app.LeadPage> {
  db.calls.push('Leads.List')
  let ls = list(q.program_id)
  if (q.status) ls = ls.filter((l) => l.status === q.status)
  return app.LeadPage.createFrom({ leads: ls.slice(q.offset, q.offset + q.limit), total: ls.length })
}
export async function Add(programId: number, l: app.Lead): Promise<app.Lead> {
  db.calls.push('Leads.Add')
  if (!l.email.includes('@')) throw invalid('the lead was not added', 'email', `"${l.email}" is not an e-mail address`)
  const out = app.Lead.createFrom({ ...l, id: list(programId).length + 1, status: l.status || 'new', source: 'manual' })
  list(programId).push(out)
  return out
}
export async function SetStatus(programId: number, id: number, status: string): Promise<app.Lead> {
  db.calls.push('Leads.SetStatus')
  const l = list(programId).find((x) => x.id === id)!
  l.status = status
  return l
}
