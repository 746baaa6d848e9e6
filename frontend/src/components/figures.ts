// Figures of the dashboard, shown from the strings the backend sends: amounts are never parsed
// into floating-point numbers for display; changes are worked out in integers (BigInt).

import { formatMoney } from '@/ui/money'

/** units parses a decimal string ("-1234.5") into an integer of 10^-scale units. */
export function units(amount: string, scale = 4): bigint {
  const m = /^(-?)(\d*)(?:\.(\d*))?$/.exec(amount.trim())
  if (!m) return 0n
  const frac = (m[3] ?? '').padEnd(scale, '0').slice(0, scale)
  const v = BigInt((m[2] || '0') + frac)
  return m[1] ? -v : v
}

/** group puts thousands separators into the integer part of a decimal string. */
export function group(amount: string): string {
  const neg = amount.startsWith('-')
  const [int, frac] = (neg ? amount.slice(1) : amount).split('.')
  const g = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return (neg ? '−' : '') + g + (frac !== undefined ? '.' + frac : '')
}

/** money shows an amount with its currency the one way every screen does (ui/money): "5,210.40 EUR". */
export function money(amount: string, currency: string): string {
  return formatMoney(amount, currency)
}

/** count shows a whole number with thousands separators. */
export function count(n: number): string {
  return group(String(n))
}

/** percent shows a rate string ("0.0417") as "4.2%". */
export function percent(rate: string): string {
  const v = units(rate, 4) // 417 = 4.17 %
  const tenths = (v * 10n + (v >= 0n ? 50n : -50n)) / 100n // 42 = 4.2 %
  const neg = tenths < 0n
  const a = neg ? -tenths : tenths
  return `${neg ? '−' : ''}${a / 10n}.${a % 10n}%`
}

export type Direction = 'up' | 'down' | 'flat' | 'new'

/** Change is a figure against the period before: "+12.5%", and which way it went. */
export interface Change {
  text: string
  dir: Direction
}

/** change compares two decimal strings (or whole numbers) exactly. */
export function change(current: string | number, previous: string | number): Change {
  const cur = units(String(current)), prev = units(String(previous))
  if (prev === 0n) return cur === 0n ? { text: '0%', dir: 'flat' } : { text: 'new', dir: 'new' }
  const diff = cur - prev
  const abs = prev < 0n ? -prev : prev
  const tenths = (diff * 1000n + (diff >= 0n ? abs / 2n : -abs / 2n)) / abs // per mille, rounded
  if (tenths === 0n) return { text: '0%', dir: 'flat' }
  const a = tenths < 0n ? -tenths : tenths
  const whole = a / 10n, frac = a % 10n
  const text = `${tenths < 0n ? '−' : '+'}${whole}${whole < 100n ? '.' + frac : ''}%`
  return { text, dir: tenths < 0n ? 'down' : 'up' }
}

/** day shows a YYYY-MM-DD day as "Mar 14, 2025" (or "Mar 14" with short). */
export function day(d: string, short = false): string {
  const [y, m, dd] = d.split('-')
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
  const name = months[Number(m) - 1] ?? m
  return short ? `${name} ${Number(dd)}` : `${name} ${Number(dd)}, ${y}`
}

/** range shows a period: "Feb 13 – Mar 14, 2025". */
export function range(from: string, to: string): string {
  if (!from || !to) return ''
  return from.slice(0, 4) === to.slice(0, 4) ? `${day(from, true)} – ${day(to)}` : `${day(from)} – ${day(to)}`
}

/** barHeight is an amount as a number, for a chart's bar heights only, never for display. */
export function barHeight(amount: string): number {
  return Number(amount)
}
