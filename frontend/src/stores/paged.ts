import { listQuery, type ListQuery } from '@/api'

/** The state every paged list keeps: one page of rows, the count of all, and its query. */
export interface Paged<T> {
  rows: T[]
  total: number
  loading: boolean
  query: ListQuery
}

export function pagedState<T>(): Paged<T> {
  return { rows: [], total: 0, loading: false, query: listQuery({ program_id: 0 }) }
}

/** loadPage applies changes to the query and fetches that page (nothing without a program). */
export async function loadPage<T>(s: Paged<T>, changes: Partial<ListQuery>, fetch: (q: ListQuery) => Promise<{ rows: T[]; total: number }>) {
  s.query = listQuery({ ...s.query, ...changes })
  if (!s.query.program_id) return
  s.loading = true
  try {
    const page = await fetch(s.query)
    s.rows = page.rows
    s.total = page.total
  } finally {
    s.loading = false
  }
}
