// What a payout run adds up to, as its screen shows it: per currency and in all. Amounts stay
// decimal text (summed exactly, never as floats).
import { sumAmounts } from './money'

/** The parts of a payout and of a carried balance these sums read. */
interface Paid { partner: string; currency: string; amount: string; lines: number; kind?: string }
interface Carried { partner: string; currency: string; amount: string }

/** One currency's sums: what is paid (invoices less credit notes), and how many payouts. */
export interface CurrencyTotal { currency: string; amount: string; payouts: number; creditNotes: number }

/** RunTotals is a run in figures. */
export interface RunTotals {
  payouts: number
  partners: number
  lines: number
  byCurrency: CurrencyTotal[]
  carried: { currency: string; amount: string; partners: number }[]
}

/** runTotals sums a run's payouts per currency (in the order currencies first appear) and in all. */
export function runTotals(run: { payouts: Paid[]; carried?: Carried[] }): RunTotals {
  const by = new Map<string, { amounts: string[]; payouts: number; creditNotes: number }>()
  for (const p of run.payouts) {
    const t = by.get(p.currency) ?? { amounts: [], payouts: 0, creditNotes: 0 }
    t.amounts.push(p.amount)
    if (p.kind === 'credit_note') t.creditNotes++
    else t.payouts++
    by.set(p.currency, t)
  }
  const carried = new Map<string, { amounts: string[]; partners: Set<string> }>()
  for (const c of run.carried ?? []) {
    const t = carried.get(c.currency) ?? { amounts: [], partners: new Set<string>() }
    t.amounts.push(c.amount)
    t.partners.add(c.partner)
    carried.set(c.currency, t)
  }
  return {
    payouts: run.payouts.length,
    partners: new Set(run.payouts.map((p) => p.partner)).size,
    lines: run.payouts.reduce((n, p) => n + p.lines, 0),
    byCurrency: [...by].map(([currency, t]) => ({ currency, amount: sumAmounts(t.amounts), payouts: t.payouts, creditNotes: t.creditNotes })),
    carried: [...carried].map(([currency, t]) => ({ currency, amount: sumAmounts(t.amounts), partners: t.partners.size })),
  }
}
