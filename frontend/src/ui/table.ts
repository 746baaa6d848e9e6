// What every list's table shares: the column description and the sorting of loaded rows.
// The component is components/DataTable.vue; this file holds its plain logic (tested alone).
import type { VNodeChild } from 'vue'
import { isNegative } from './money'

/** How a column's values look: ids and numbers never wrap, money is right-aligned in tabular figures. */
export type ColumnKind = 'text' | 'id' | 'number' | 'money' | 'time' | 'enum' | 'action'

/** A column of a DataTable. */
export interface Column<T> {
  key: string
  title: string
  kind?: ColumnKind
  /** the text of a cell (also its hover title, and what local sorting compares); default row[key] */
  value?: (row: T) => string
  /** a cell drawn by hand (a tag, a button); value still gives its title and sort */
  render?: (row: T) => VNodeChild
  /** money columns: the amount (decimal text) and its currency */
  amount?: (row: T) => string
  currency?: (row: T) => string
  /** a money column sums its rows in the footer (only where the rows shown are all there are) */
  total?: boolean
  sortable?: boolean
  /** text columns are cut with an ellipsis past this width (px); the full text shows on hover */
  maxWidth?: number
  /** the column that takes the room left over (default: the first text column) */
  grow?: boolean
  /** a sentence the header shows on hover */
  help?: string
}

/** A sort: a column key and its direction. */
export interface Sort {
  key: string
  desc: boolean
}

/** Paging as the footer shows it: offset pages know the count; keyset pages know only "more". */
export type Paging =
  | { mode: 'offset'; offset: number; limit: number; total: number }
  | { mode: 'keyset'; page: number; more: boolean; shown: number }

/** cellText is a cell's text: the column's value function, else the row's field. */
export function cellText<T>(c: Column<T>, row: T): string {
  if (c.value) return c.value(row)
  if (c.amount) return c.amount(row)
  const v = (row as Record<string, unknown>)[c.key]
  if (v === null || v === undefined) return ''
  return Array.isArray(v) ? v.join(', ') : String(v)
}

/** compareDecimal orders two decimal texts exactly, without floats. */
export function compareDecimal(a: string, b: string): number {
  const na = isNegative(a), nb = isNegative(b)
  if (na !== nb) return na ? -1 : 1
  const [ai, af = ''] = a.replace(/^[+-]/, '').split('.')
  const [bi, bf = ''] = b.replace(/^[+-]/, '').split('.')
  const ia = ai.replace(/^0+/, ''), ib = bi.replace(/^0+/, '')
  let r = ia.length - ib.length || (ia < ib ? -1 : ia > ib ? 1 : 0)
  if (!r) {
    const n = Math.max(af.length, bf.length)
    const fa = af.padEnd(n, '0'), fb = bf.padEnd(n, '0')
    r = fa < fb ? -1 : fa > fb ? 1 : 0
  }
  return na ? -r : r
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })

/** sortRows sorts loaded rows by a column: money and numbers by value, the rest as words. */
export function sortRows<T>(rows: T[], columns: Column<T>[], sort: Sort | null): T[] {
  if (!sort) return rows
  const c = columns.find((x) => x.key === sort.key)
  if (!c) return rows
  const numeric = c.kind === 'money' || c.kind === 'number'
  const out = [...rows].sort((a, b) => {
    const x = cellText(c, a), y = cellText(c, b)
    return numeric && x && y ? compareDecimal(x, y) : collator.compare(x, y)
  })
  return sort.desc ? out.reverse() : out
}

/** growKey is the column that takes the room left over. */
export function growKey<T>(columns: Column<T>[]): string {
  return (columns.find((c) => c.grow) ?? columns.find((c) => (c.kind ?? 'text') === 'text'))?.key ?? ''
}

/** one is a plural noun's singular: "partners" → "partner", "currencies" → "currency". */
const one = (noun: string) => (noun.endsWith('ies') ? `${noun.slice(0, -3)}y` : noun.replace(/s$/, ''))

/** pageText says where the rows shown are: "26–50 of 134", or "page 3" with more after it. */
export function pageText(p: Paging, noun: string): string {
  if (p.mode === 'offset') {
    if (p.total === 0) return `No ${noun}`
    if (p.total <= p.limit && p.offset === 0) return `${p.total} ${p.total === 1 ? one(noun) : noun}`
    const last = Math.min(p.offset + p.limit, p.total)
    return `${p.offset + 1}–${last} of ${p.total} ${noun}`
  }
  const shown = `${p.shown} ${p.shown === 1 ? one(noun) : noun}`
  return p.page === 1 ? (p.more ? `${shown}, more on the next page` : shown) : `Page ${p.page}: ${shown}${p.more ? ', more on the next page' : ''}`
}

/** offsetPaging is the footer of a list paged by offset (a paged store's query and total). */
export function offsetPaging(q: { offset: number; limit: number }, total: number): Paging {
  return { mode: 'offset', offset: q.offset, limit: q.limit, total }
}

/** sortOf is the Sort a list query shows ("" sorts by the list's default). */
export function sortOf(q: { sort: string; desc: boolean }): Sort | null {
  return q.sort ? { key: q.sort, desc: q.desc } : null
}
