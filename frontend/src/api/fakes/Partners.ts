import { app } from '../../wailsjs/go/models'
import { db, invalid } from './db'

function list(programId: number): app.Partner[] {
  if (!db.partners.has(programId)) db.partners.set(programId, [])
  return db.partners.get(programId)!
}

function check(programId: number, p: app.Partner, self: string) {
  const others = list(programId).filter((x) => x.key.toLowerCase() !== self.toLowerCase())
  if (others.some((x) => x.key.toLowerCase() === p.key.toLowerCase()))
    throw invalid('the partner was not added', 'key', `key "${p.key}" is taken`)
  for (const c of p.coupons)
    if (others.some((x) => x.coupons.some((y) => y.toLowerCase() === c.toLowerCase())))
      throw invalid('the partner was not saved', 'coupons', `coupon "${c}" is taken`)
}

export async function List(q: app.ListQuery): Promise<app.PartnerPage> {
  db.calls.push('Partners.List')
  let ps = list(q.program_id)
  if (q.search) ps = ps.filter((p) => (p.name + p.email + p.key).toLowerCase().includes(q.search.toLowerCase()))
  const sorted = [...ps].sort((a, b) => a.name.localeCompare(b.name))
  return app.PartnerPage.createFrom({ partners: sorted.slice(q.offset, q.offset + q.limit), total: ps.length })
}
export async function Get(programId: number, key: string): Promise<app.Partner> {
  const p = list(programId).find((x) => x.key === key)
  if (!p) throw { code: 'not_found', message: `there is no partner with key "${key}"` }
  return p
}
export async function Add(programId: number, p: app.Partner): Promise<app.Partner> {
  db.calls.push('Partners.Add')
  check(programId, p, '')
  const out = app.Partner.createFrom({ ...p, id: list(programId).length + 1, status: p.status || 'active' })
  list(programId).push(out)
  return out
}
export async function Update(programId: number, key: string, p: app.Partner): Promise<app.Partner> {
  db.calls.push('Partners.Update')
  check(programId, p, key)
  const ps = list(programId)
  const i = ps.findIndex((x) => x.key === key)
  ps[i] = app.Partner.createFrom({ ...ps[i], ...p, key })
  return ps[i]
}
