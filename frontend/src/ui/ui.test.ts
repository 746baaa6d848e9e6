import { afterEach, describe, expect, it, vi } from 'vitest'
import { nextTick, ref } from 'vue'
import { useFieldErrors } from './fielderrors'
import { forKind, friendly, toTemplate } from '@/components/placeholders'
import { formatAmount, formatMoney, isNegative, sharedCurrency, sumAmounts, totalsByCurrency, MINUS } from './money'
import { compareDecimal, pageText, sortRows, growKey, type Column } from './table'
import { formatTime, zoneLabel } from './time'
import { help, humanize, lang, setLanguage, word, words } from './words'

describe('money', () => {
  it('groups digits and keeps at least two decimals, per language', () => {
    expect(formatAmount('1234567.5', 'en')).toBe('1,234,567.50')
    expect(formatAmount('1234567.5', 'de')).toBe('1.234.567,50')
    expect(formatAmount('0.125', 'en')).toBe('0.125')
    expect(formatAmount('12', 'en')).toBe('12.00')
  })
  it('marks negatives with a minus sign, and never a negative zero', () => {
    expect(formatAmount('-3.5', 'en')).toBe(`${MINUS}3.50`)
    expect(formatAmount('-0.00', 'en')).toBe('0.00')
    expect(isNegative('-0.01')).toBe(true)
    expect(isNegative('-0')).toBe(false)
  })
  it('writes the currency after the amount, one way', () => {
    expect(formatMoney('-1000', 'EUR', 'en')).toBe(`${MINUS}1,000.00\u00a0EUR`)
  })
  it('leaves text that is not a number as it is', () => {
    expect(formatAmount('n/a', 'en')).toBe('n/a')
  })
  it('sums exactly where floats would not', () => {
    expect(sumAmounts(['0.10', '0.20'])).toBe('0.30')
    expect(sumAmounts(['9007199254740993.01', '1'])).toBe('9007199254740994.01')
    expect(sumAmounts(['-5.5', '2.25'])).toBe('-3.25')
    expect(sumAmounts([])).toBe('0.00')
  })
  it('finds the currency all rows share, and totals per currency', () => {
    const rows = [{ a: '1.10', c: 'EUR' }, { a: '2', c: 'EUR' }, { a: '5', c: 'USD' }]
    expect(sharedCurrency(rows.slice(0, 2), (r) => r.c)).toBe('EUR')
    expect(sharedCurrency(rows, (r) => r.c)).toBe('')
    expect(totalsByCurrency(rows, (r) => r.a, (r) => r.c)).toEqual([{ currency: 'EUR', amount: '3.10' }, { currency: 'USD', amount: '5.00' }])
  })
})

describe('table logic', () => {
  it('orders decimals by value, signs and lengths included', () => {
    const xs = ['10.5', '-2', '9.99', '-10', '0', '100']
    expect([...xs].sort(compareDecimal)).toEqual(['-10', '-2', '0', '9.99', '10.5', '100'])
  })
  type R = { name: string; amount: string }
  const cols: Column<R>[] = [{ key: 'name', title: 'Name' }, { key: 'amount', title: 'Amount', kind: 'money' }]
  const rows: R[] = [{ name: 'b10', amount: '10' }, { name: 'b9', amount: '9.5' }, { name: 'A', amount: '-1' }]
  it('sorts money by value and words naturally', () => {
    expect(sortRows(rows, cols, { key: 'amount', desc: true }).map((r) => r.amount)).toEqual(['10', '9.5', '-1'])
    expect(sortRows(rows, cols, { key: 'name', desc: false }).map((r) => r.name)).toEqual(['A', 'b9', 'b10'])
    expect(sortRows(rows, cols, null)).toBe(rows)
  })
  it('lets the first text column grow unless one is marked', () => {
    expect(growKey(cols)).toBe('name')
    expect(growKey([...cols, { key: 'x', title: 'X', grow: true }])).toBe('x')
  })
  it('says where the rows shown are', () => {
    expect(pageText({ mode: 'offset', offset: 25, limit: 25, total: 134 }, 'partners')).toBe('26–50 of 134 partners')
    expect(pageText({ mode: 'offset', offset: 0, limit: 25, total: 1 }, 'partners')).toBe('1 partner')
    expect(pageText({ mode: 'offset', offset: 0, limit: 25, total: 1 }, 'currencies')).toBe('1 currency')
    expect(pageText({ mode: 'keyset', page: 1, more: false, shown: 1 }, 'entries')).toBe('1 entry')
    expect(pageText({ mode: 'keyset', page: 2, more: true, shown: 50 }, 'orders')).toBe('Page 2: 50 orders, more on the next page')
    expect(pageText({ mode: 'keyset', page: 1, more: false, shown: 3 }, 'orders')).toBe('3 orders')
  })
})

describe('time', () => {
  it("shows a UTC moment in the program's zone", () => {
    expect(formatTime('2025-03-14T23:30:00Z', 'Europe/Berlin')).toBe('2025-03-15 00:30')
    expect(formatTime('2025-07-01T12:00:00Z', 'America/New_York')).toBe('2025-07-01 08:00')
    expect(formatTime('2025-03-14', 'Europe/Berlin')).toBe('2025-03-14')
  })
  it('labels a zone for people', () => {
    expect(zoneLabel('Europe/Berlin')).toBe('Berlin')
    expect(zoneLabel('America/Los_Angeles')).toBe('Los Angeles')
    expect(zoneLabel('UTC')).toBe('UTC')
  })
})

describe('words', () => {
  it('has every code in both languages, with no internal name as its word', () => {
    for (const [group, table] of Object.entries(words)) {
      for (const [code, w] of Object.entries(table)) {
        for (const l of ['en', 'de'] as const) {
          expect(w[l][0], `${group}.${code} ${l}`).not.toMatch(/_/)
          expect(w[l][0].length, `${group}.${code} ${l}`).toBeGreaterThan(1)
        }
      }
    }
  })
  it('words the codes the backend sends, in English and German', () => {
    expect(word('lineKind', 'second_tier', 'en')).toBe('Second tier')
    expect(word('lineKind', 'second_tier', 'de')).toBe('Zweite Stufe')
    expect(word('note', 'self_referral', 'en')).toBe('Own purchase')
    expect(help('note', 'self_referral', 'en')).toMatch(/own link or code/)
    expect(word('method', 'iban', 'en')).toBe('Bank transfer')
  })
  it('humanizes a code the table does not know yet', () => {
    expect(word('lineKind', 'brand_new', 'en')).toBe('Brand new')
    expect(humanize('mail.reply_to')).toBe('Mail reply to')
  })
})

describe('field errors', () => {
  it('drops a problem once its field changes, and the whole error once none is left', async () => {
    const form = ref({ a: '1', b: '2' })
    const f = useFieldErrors(form)
    f.set({ code: 'invalid', message: 'not saved', problems: [{ column: 'a', message: 'bad a' }, { column: 'b', message: 'bad b' }] })
    expect(f.fe('a')).toBe('Bad a.')
    expect(f.summary.value).toBe('Not saved. Bad a. Bad b.')
    form.value.a = 'x'
    await nextTick()
    expect(f.fe('a')).toBe('')
    expect(f.fe('b')).toBe('Bad b.')
    form.value.b = 'y'
    await nextTick()
    expect(f.error.value).toBeNull()
  })
})

describe('mail placeholders', () => {
  it('names placeholders in words and writes them back as the template language, exactly', () => {
    const raw = 'Hello {{.Partner}}, statement {{.Number}}: {{.Amount}}{{range .Links}} {{.}}{{end}} [not one] {{.Unknown}}'
    const shown = friendly(raw)
    expect(shown).toBe("Hello [Partner's name], statement [Statement number]: [Amount][For each link] [The link][End] [not one] {{.Unknown}}")
    expect(toTemplate(shown)).toBe(raw)
    expect(toTemplate("[partner's NAME]")).toBe('{{.Partner}}')
  })
  // The plain text of the monthly report as Partnerbook ships it (backend/mail/template_en.go):
  // every part of the template language in it is shown in words, and comes back unchanged.
  const report = `Hello {{.Partner}},

here is {{.Month}} at {{.Shop}}.

Orders you brought: {{len .Orders}} ({{.Sales}})
Commission earned:  {{.Earned}}
{{if .Orders}}
{{range .Orders}}  {{.Day}}  {{.Order}}  {{.Total}}  → {{.Commission}}
{{end}}{{end}}
Your key: {{.Key}}{{if .Coupons}}
Your coupons: {{range $i, $c := .Coupons}}{{if $i}}, {{end}}{{$c}}{{end}}{{end}}{{range .Links}}
Your link: {{.}}{{end}}
`
  it('shows the shipped templates without any of the template language', () => {
    const shown = friendly(report)
    expect(shown).not.toMatch(/[{}$]/)
    expect(shown).toContain("Your coupons: [Partner's coupons][End]")
    expect(shown).toContain('[If there are orders]\n[For each order]  [Order day]  [Order number]  [Order total]  → [Order commission]\n[End][End]')
    expect(toTemplate(shown)).toBe(report)
    const statement = '{{if .Credit}}Credit note{{else}}Your statement{{end}} {{.Number}} from {{.Shop}}'
    expect(friendly(statement)).toBe('[If a credit note]Credit note[Otherwise]Your statement[End] [Statement number] from [Shop name]')
    expect(toTemplate(friendly(statement))).toBe(statement)
  })
  it('offers each e-mail only the placeholders it has values for', () => {
    expect(forKind('welcome').map((p) => p.field)).not.toContain('Amount')
    expect(forKind('statement').map((p) => p.field)).toContain('Amount')
  })
})

describe('the window language', () => {
  afterEach(() => {
    vi.restoreAllMocks()
    setLanguage('system')
  })
  it('follows the system only when set to System, and applies a choice at once', async () => {
    const system = vi.spyOn(navigator, 'language', 'get').mockReturnValue('de-AT')
    setLanguage('system')
    expect(word('orderStatus', 'paid')).toBe('Bezahlt')
    setLanguage('en')
    expect(word('orderStatus', 'paid')).toBe('Paid')
    expect(formatAmount('1234.5')).toBe('1,234.50')
    system.mockReturnValue('en-GB')
    setLanguage('de')
    expect(lang.value).toBe('de')
    expect(formatAmount('1234.5')).toBe('1.234,50')
    setLanguage('')
    expect(word('orderStatus', 'paid')).toBe('Paid')
  })
  it('is read from the settings when the window starts', async () => {
    const { createPinia, setActivePinia } = await import('pinia')
    const { useProgramsStore } = await import('@/stores/programs')
    const { db, reset } = await import('@/api/fakes/db')
    reset()
    setActivePinia(createPinia())
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('en-US')
    db.settings.set('ui.language', 'de')
    await useProgramsStore().load()
    expect(word('leadStatus', 'lost')).toBe('Verloren')
  })
})
