import { describe, expect, it } from 'vitest'
import { formatAmount, formatMoney, minorDigits, MINUS } from './money'

describe('currencies with their own number of decimals', () => {
  it.each([
    ['EUR', 2], ['USD', 2], ['CHF', 2], ['JPY', 0], ['CLP', 0], ['KRW', 0], ['ISK', 0], ['VND', 0],
    ['KWD', 3], ['BHD', 3], ['', 2], ['XXQ', 2], ['eur', 2], ['not a code', 2],
  ])('%s is written with %i decimals', (currency, digits) => {
    expect(minorDigits(currency)).toBe(digits)
  })

  it.each([
    // amount, currency, language, shown
    ['28000.00', 'CLP', 'en', '28,000\u00a0CLP'],
    ['28000', 'CLP', 'de', '28.000\u00a0CLP'],
    ['-1500.00', 'JPY', 'en', `${MINUS}1,500\u00a0JPY`],
    ['120000', 'KRW', 'en', '120,000\u00a0KRW'],
    ['990.0', 'ISK', 'de', '990\u00a0ISK'],
    ['12.5', 'CLP', 'en', '12.5\u00a0CLP'], // a fraction the amount has is never dropped
    ['1.5', 'KWD', 'en', '1.500\u00a0KWD'],
    ['1234.5', 'EUR', 'en', '1,234.50\u00a0EUR'],
    ['1234.500', 'EUR', 'de', '1.234,50\u00a0EUR'],
    ['0.125', 'EUR', 'en', '0.125\u00a0EUR'],
    ['-0.00', 'JPY', 'en', '0\u00a0JPY'],
    ['12345678901234567890.00', 'JPY', 'en', '12,345,678,901,234,567,890\u00a0JPY'], // beyond a float's digits
  ])('%s %s (%s) reads %s', (amount, currency, l, shown) => {
    expect(formatMoney(amount, currency, l as 'en' | 'de')).toBe(shown)
  })

  it('writes an amount without its code, as a column whose header names the currency does', () => {
    expect(formatAmount('28000.00', 'en', 'CLP')).toBe('28,000')
    expect(formatAmount('28000', 'en')).toBe('28,000.00')
  })
})
