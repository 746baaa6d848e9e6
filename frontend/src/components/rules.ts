import type { ComputedRef } from 'vue'
import { app } from '@/api'

type RuleKey = 'sale' | 'tiers' | 'recurring' | 'second_tier' | 'lead'

/** useRules adds and removes the rules of a program's plan with sensible starting values. */
export function useRules(p: ComputedRef<app.Program>) {
  const fresh: Record<RuleKey, () => unknown> = {
    sale: () => ({ percent: '20', fixed: '' }),
    tiers: () => ({ measure: 'sales', tiers: [{ from: '0', percent: '10', fixed: '' }, { from: '10', percent: '15', fixed: '' }] }),
    recurring: () => ({ percent: '10', fixed: '', max_count: 0, max_months: 12 }),
    second_tier: () => ({ percent: '5', fixed: '' }),
    lead: () => ({ percent: '', fixed: '2.00' }),
  }
  return {
    toggle(key: RuleKey, on: boolean) {
      ;(p.value.rules as unknown as Record<string, unknown>)[key] = on ? fresh[key]() : null
    },
    addTier() {
      const t = p.value.rules.tiers!
      t.tiers.push(app.Tier.createFrom({ from: '', percent: '', fixed: '' }))
    },
    removeTier(i: number) {
      p.value.rules.tiers!.tiers.splice(i, 1)
    },
    addProduct() {
      p.value.rules.products = [...(p.value.rules.products ?? []), app.ProductRule.createFrom({ sku: '', percent: '', fixed: '1.00' })]
    },
    removeProduct(i: number) {
      p.value.rules.products.splice(i, 1)
    },
  }
}
