// Money as people read it, from the decimal text the backend sends ("1234.5", "-3.00"): never
// parsed into a float. One way everywhere: digits grouped, the currency's ISO code after the
// amount (or in the column header when all rows share it), negatives with a real minus sign.
import { lang, type Lang } from './words'

/** A decimal amount split into its parts, or null when the text is not a number. */
interface Parts {
  negative: boolean
  int: string
  frac: string
}

const decimalRe = /^([+-])?(\d*)(?:\.(\d*))?$/

function parts(amount: string): Parts | null {
  const m = decimalRe.exec(amount.trim())
  if (!m || (!m[2] && !m[3])) return null
  const int = (m[2] || '0').replace(/^0+(?=\d)/, '')
  const frac = m[3] ?? ''
  const zero = /^0*$/.test(int) && /^0*$/.test(frac)
  return { negative: m[1] === '-' && !zero, int, frac }
}

const separators: Record<Lang, { group: string; decimal: string }> = {
  en: { group: ',', decimal: '.' },
  de: { group: '.', decimal: ',' },
}

/** MINUS is the sign a negative amount shows (U+2212, as wide as a plus). */
export const MINUS = '\u2212'

const digitsCache = new Map<string, number>()

/**
 * minorDigits is how many decimals a currency is written with (ISO 4217's minor unit, as the
 * browser's Intl data knows it): 2 for EUR, 0 for JPY, CLP, KRW and ISK, 3 for KWD and BHD.
 * Without a currency, or for a code Intl does not know, 2.
 */
export function minorDigits(currency?: string): number {
  const c = (currency ?? '').trim().toUpperCase()
  if (!/^[A-Z]{3}$/.test(c)) return 2
  let d = digitsCache.get(c)
  if (d === undefined) {
    try {
      d = new Intl.NumberFormat('en', { style: 'currency', currency: c }).resolvedOptions().maximumFractionDigits ?? 2
    } catch {
      d = 2
    }
    digitsCache.set(c, d)
  }
  return d
}

/**
 * formatAmount shows a decimal text grouped in the window's language, without currency:
 * "-1234.5" → "−1,234.50". It writes the currency's own number of decimals ("28000.00" in CLP
 * → "28,000"), and more only when the amount has digits there that are not zeros ("0.125").
 */
export function formatAmount(amount: string, l: Lang = lang.value, currency?: string): string {
  const p = parts(amount ?? '')
  if (!p) return amount ?? ''
  const sep = separators[l]
  const int = p.int.replace(/\B(?=(\d{3})+(?!\d))/g, sep.group)
  const digits = minorDigits(currency)
  let frac = p.frac.replace(/0+$/, '')
  if (frac.length < digits) frac = frac.padEnd(digits, '0')
  return (p.negative ? MINUS : '') + int + (frac ? sep.decimal + frac : '')
}

/** formatMoney shows an amount with its currency code after it: "−1,234.50 EUR", "28,000 CLP". */
export function formatMoney(amount: string, currency?: string, l: Lang = lang.value): string {
  const a = formatAmount(amount, l, currency)
  return currency ? `${a}\u00a0${currency}` : a
}

/** isNegative says whether a decimal text is below zero. */
export function isNegative(amount: string): boolean {
  return parts(amount ?? '')?.negative ?? false
}

/** sharedCurrency is the currency every row has, or "" when they differ (or there are none). */
export function sharedCurrency<T>(rows: T[], currencyOf: (row: T) => string): string {
  let c = ''
  for (const r of rows) {
    const x = currencyOf(r)
    if (!x) continue
    if (c && x !== c) return ''
    c = x
  }
  return c
}

/** sumAmounts adds decimal texts exactly (integers scaled by the longest fraction). */
export function sumAmounts(amounts: string[]): string {
  const ps = amounts.map(parts).filter((p): p is Parts => p !== null)
  const scale = Math.max(2, ...ps.map((p) => p.frac.length))
  let total = 0n
  for (const p of ps) {
    const v = BigInt(p.int + p.frac.padEnd(scale, '0'))
    total += p.negative ? -v : v
  }
  const neg = total < 0n
  const digits = (neg ? -total : total).toString().padStart(scale + 1, '0')
  return (neg ? '-' : '') + digits.slice(0, -scale) + '.' + digits.slice(-scale)
}

/** totalsByCurrency sums rows per currency, in the order the currencies first appear. */
export function totalsByCurrency<T>(rows: T[], amountOf: (row: T) => string, currencyOf: (row: T) => string): { currency: string; amount: string }[] {
  const by = new Map<string, string[]>()
  for (const r of rows) {
    const c = currencyOf(r)
    if (!by.has(c)) by.set(c, [])
    by.get(c)!.push(amountOf(r))
  }
  return [...by].map(([currency, list]) => ({ currency, amount: sumAmounts(list) }))
}
