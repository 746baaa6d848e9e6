import { describe, expect, it } from 'vitest'
import { runTotals } from './payouts'
import { plural } from './plural'

describe('runTotals', () => {
  it('sums per currency exactly, credit notes counted apart, and in all', () => {
    const t = runTotals({
      payouts: [
        { partner: 'kira', currency: 'EUR', amount: '53.61', lines: 8, kind: 'invoice' },
        { partner: 'lena', currency: 'EUR', amount: '69.32', lines: 4, kind: 'invoice' },
        { partner: 'kira', currency: 'USD', amount: '40.10', lines: 2, kind: 'invoice' },
        { partner: 'tom', currency: 'EUR', amount: '-5.20', lines: 1, kind: 'credit_note' },
        { partner: 'ana', currency: 'EUR', amount: '0.10', lines: 1, kind: 'invoice' },
        { partner: 'ben', currency: 'EUR', amount: '0.20', lines: 1, kind: 'invoice' },
      ],
      carried: [
        { partner: 'mia', currency: 'EUR', amount: '12.00' },
        { partner: 'mia', currency: 'USD', amount: '3.50' },
        { partner: 'noa', currency: 'EUR', amount: '0.99' },
      ],
    })
    expect(t.payouts).toBe(6)
    expect(t.partners).toBe(5)
    expect(t.lines).toBe(17)
    // 53.61 + 69.32 − 5.20 + 0.10 + 0.20 = 118.03 (0.10 + 0.20 is 0.30, not 0.30000000000000004)
    expect(t.byCurrency).toEqual([
      { currency: 'EUR', amount: '118.03', payouts: 4, creditNotes: 1 },
      { currency: 'USD', amount: '40.10', payouts: 1, creditNotes: 0 },
    ])
    expect(t.carried).toEqual([{ currency: 'EUR', amount: '12.99', partners: 2 }, { currency: 'USD', amount: '3.50', partners: 1 }])
  })
  it('is empty for a run that pays nothing', () => {
    expect(runTotals({ payouts: [] })).toEqual({ payouts: 0, partners: 0, lines: 0, byCurrency: [], carried: [] })
  })
  it('says counts with their noun', () => {
    expect(plural(1, 'payout')).toBe('1 payout')
    expect(plural(1200, 'line')).toBe('1,200 lines')
    expect(plural(2, 'balance')).toBe('2 balances')
  })
})
