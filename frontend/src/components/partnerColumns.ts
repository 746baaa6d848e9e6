// The columns of the partner page's tables: balances, lines, customers, leads and payouts,
// each code in words, money in its column's currency, days in the program's zone.
import { h } from 'vue'
import EnumTag from './EnumTag.vue'
import type { Balance, CommissionLine, CustomerRow, Lead, PayoutLine } from '@/api'
import type { Column } from '@/ui/table'
import { formatDay, zoneLabel } from '@/ui/time'
import { known, word, wordOrText } from '@/ui/words'

const money = <T extends { currency: string }>(key: keyof T & string, title: string, help?: string): Column<T> =>
  ({ key, title, kind: 'money', amount: (r) => String(r[key]), currency: (r) => r.currency, help })

export const balanceColumns: Column<Balance>[] = [
  { key: 'currency', title: 'Currency', kind: 'id', grow: true },
  money('pending', 'Pending', 'Waiting for the hold days to pass.'),
  money('approved', 'Due', 'Approved and not paid yet: the next payout run pays it.'),
  money('paid', 'Paid'),
  money('reversed', 'Reversed', 'Orders refunded or cancelled before payout.'),
  money('rejected', 'Rejected'),
]

const noteCell = (l: CommissionLine) => {
  if (!l.note) return ''
  if (!known('note', l.note)) return h('div', { class: 'dt-ell', style: 'max-width: 160px', title: l.note }, l.note)
  return h(EnumTag, { group: 'note', value: l.note, plain: true })
}

export const lineColumns = (zone: string): Column<CommissionLine>[] => [
  { key: 'order_time', title: `Day (${zoneLabel(zone)})`, kind: 'time', sortable: true, value: (l) => formatDay(l.order_time, zone) },
  { key: 'order', title: 'Order', kind: 'id', sortable: true, value: (l) => l.order || (l.lead ? `Lead ${l.lead}` : '—') },
  { key: 'kind', title: 'Kind', kind: 'enum', sortable: true, value: (l) => word('lineKind', l.kind), render: (l) => h(EnumTag, { group: 'lineKind', value: l.kind, plain: true }) },
  { key: 'rule', title: 'Rule', grow: true, maxWidth: 160 },
  money<CommissionLine>('base', 'Base'),
  { ...money<CommissionLine>('amount', 'Amount'), sortable: true },
  { key: 'status', title: 'Status', kind: 'enum', sortable: true, value: (l) => word('lineStatus', l.status), render: (l) => h(EnumTag, { group: 'lineStatus', value: l.status }) },
  { key: 'note', title: 'Note', value: (l) => wordOrText('note', l.note), render: noteCell },
]

export const customerColumns = (zone: string): Column<CustomerRow>[] => [
  { key: 'email', title: 'Customer', grow: true, sortable: true, maxWidth: 280 },
  { key: 'reason', title: 'Linked by', kind: 'enum', sortable: true, value: (c) => word('reason', c.reason), render: (c) => h(EnumTag, { group: 'reason', value: c.reason, plain: true }) },
  { key: 'linked_at', title: `Since (${zoneLabel(zone)})`, kind: 'time', sortable: true, value: (c) => (c.linked_at ? formatDay(c.linked_at, zone) : '') },
  { key: 'orders', title: 'Orders', kind: 'number', sortable: true, value: (c) => String(c.orders) },
]

export const leadColumns = (zone: string): Column<Lead>[] => [
  { key: 'email', title: 'E-mail', sortable: true, maxWidth: 280 },
  { key: 'name', title: 'Name', grow: true, sortable: true },
  { key: 'status', title: 'Status', kind: 'enum', sortable: true, value: (l) => word('leadStatus', l.status), render: (l) => h(EnumTag, { group: 'leadStatus', value: l.status }) },
  { key: 'created_at', title: `Added (${zoneLabel(zone)})`, kind: 'time', sortable: true, value: (l) => (l.created_at ? formatDay(l.created_at, zone) : '') },
]

export const payoutColumns: Column<PayoutLine>[] = [
  { key: 'number', title: 'Number', kind: 'id', sortable: true,
    render: (p) => (p.kind === 'credit_note' ? [p.number, ' ', h(EnumTag, { group: 'payoutKind', value: p.kind })] : p.number) },
  { key: 'at', title: 'As of', kind: 'time', sortable: true },
  { key: 'method', title: 'Method', kind: 'enum', grow: true, value: (p) => word('method', p.method ?? ''), render: (p) => h(EnumTag, { group: 'method', value: p.method ?? '', plain: true }) },
  { key: 'lines', title: 'Lines', kind: 'number', value: (p) => String(p.lines) },
  { ...money<PayoutLine>('amount', 'Amount'), total: true, sortable: true },
]
