import { domain } from '../../wailsjs/go/models'
import { db } from './db'

// Keyset pages over db.orders by time, as the store pages them: `after` is the last time seen.
export async function List(q: domain.OrderQuery): Promise<domain.OrderPage> {
  db.calls.push(`Orders.List ${JSON.stringify({ ...q, program_id: undefined, limit: undefined })}`)
  let rows = db.orders.filter((o) => (!q.status || o.status === q.status) && (!q.source || o.source === q.source) &&
    (!q.search || o.id.includes(q.search) || o.customer.startsWith(q.search)))
  rows = [...rows].sort((a, b) => (q.desc ? b.time.localeCompare(a.time) : a.time.localeCompare(b.time)))
  if (q.after) rows = rows.filter((o) => (q.desc ? o.time < q.after : o.time > q.after))
  const page = rows.slice(0, q.limit)
  const next = rows.length > q.limit ? page[page.length - 1].time : ''
  return domain.OrderPage.createFrom({ orders: page, next })
}
export async function Sources(_programId: number): Promise<string[]> {
  return [...new Set(db.orders.map((o) => o.source))].sort()
}
export async function Imports(_programId: number): Promise<domain.ImportBatch[]> {
  db.calls.push('Orders.Imports')
  return db.batches
}
export async function Undo(batch: number): Promise<domain.UndoResult> {
  db.calls.push(`Orders.Undo ${batch}`)
  const b = db.batches.find((x) => x.id === batch)!
  if (!b.undoable) throw { code: 'conflict', message: `batch ${batch} was already undone` }
  b.undoable = false
  b.undone_at = '2025-04-01T10:00:00Z'
  return domain.UndoResult.createFrom({ batch, orders_removed: b.created })
}
