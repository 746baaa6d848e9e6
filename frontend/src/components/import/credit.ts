// Whom an order of an import credits and why, in words: the wizard's preview column.
import type { OrderCredit } from '@/api'
import { lang, word, type Lang } from '@/ui/words'

const nobody: Record<Lang, string> = {
  en: 'No coupon, key or linked customer',
  de: 'Kein Gutschein, Schlüssel oder zugeordneter Kunde',
}
const earnsNothing: Record<Lang, string> = { en: 'earns nothing', de: 'bringt nichts ein' }

/** creditWho is the partner an order credits ("" when nobody). */
export function creditWho(c: OrderCredit | null | undefined): string {
  if (!c?.partner) return ''
  return c.partner_name || c.partner
}

/**
 * creditWhy says why in words: "Coupon KIRA10", "Referral link lena", "Their customer",
 * "Own purchase: earns nothing", or that no coupon, key or customer links the order.
 */
export function creditWhy(c: OrderCredit | null | undefined, l: Lang = lang.value): string {
  if (!c) return ''
  if (!c.partner) return nobody[l]
  let why = word('reason', c.reason, l)
  if (c.code) why += ` ${c.code}`
  if (c.note) why += ` · ${word('note', c.note, l)}: ${earnsNothing[l]}`
  return why
}
