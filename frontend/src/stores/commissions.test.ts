import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useCommissionsStore } from './commissions'
import { usePayoutsStore } from './payouts'
import { db, reset } from '@/api/fakes/db'
import { cents, text } from '@/api/fakes/money'
import { domain } from '@/api'

const line = (id: number, partner: string, status: string, amount: string) => domain.CommissionLine.createFrom({ id, partner,
  order: `#${id}`, kind: 'sale', reason: 'coupon', status, base: '0.00', amount, currency: 'EUR', order_time: '2025-03-14T08:00:00Z', note: '' })

beforeEach(() => {
  reset()
  setActivePinia(createPinia())
  db.lines.push(line(1, 'kira', 'pending', '10.40'), line(2, 'kira', 'approved', '7.30'), line(3, 'lena', 'pending', '5.22'))
})

describe('commissions store', () => {
  it('filters, totals by status, and approves and rejects the selection', async () => {
    const s = useCommissionsStore()
    await s.load({ program_id: 1 })
    expect(s.count).toBe(3)
    expect(s.totals.find((t) => t.status === 'pending')?.amount).toBe('15.62')
    await s.load({ partner: 'kira' })
    expect(s.rows.map((l) => l.id)).toEqual([1, 2])
    s.selected = [1]
    expect(await s.approve()).toBe(1)
    expect(s.totals.map((t) => `${t.status} ${t.amount}`)).toEqual(['approved 17.70'])
    expect(s.selected).toEqual([])
    s.selected = [2]
    await expect(s.reject(' ')).rejects.toMatchObject({ code: 'invalid' })
    expect(await s.reject('test order')).toBe(1)
    expect(db.calls.at(-1)).toContain('"partner":"kira"')
    expect(db.lines[1].note).toBe('test order')
  })
})

describe('payouts store', () => {
  it('previews a run without paying, then confirms it', async () => {
    const s = usePayoutsStore()
    await s.load(1)
    await s.previewRun('2025-05-10')
    expect(s.preview?.payouts.map((p) => `${p.number} ${p.partner} ${p.amount}`)).toEqual(['2025-0001 kira 7.30'])
    expect(db.lines[1].status).toBe('approved')
    // No issuer yet: the preview says what a run needs; confirming is refused.
    expect(s.preview?.missing).toEqual(['company.name', 'company.address'])
    await expect(s.confirm()).rejects.toMatchObject({ code: 'invalid' })
    expect(s.stale).toBe(false)
    db.settings.set('company.name', 'Kaffee Shop GmbH')
    db.settings.set('company.address', 'Hauptstraße 1, Berlin')
    await s.previewRun('2025-05-10')
    expect(s.stale).toBe(false)
    expect(s.preview?.missing).toEqual([])
    // Something changes after the preview: the store marks it stale, nothing is paid.
    db.lines[0].status = 'approved'
    await expect(s.confirm()).rejects.toMatchObject({ code: 'conflict', message: 'the run changed since the preview: preview again' })
    expect(s.stale).toBe(true)
    expect(db.lines[1].status).toBe('approved')
    db.lines[0].status = 'pending'
    await s.previewRun('2025-05-10')
    const run = await s.confirm()
    expect(run?.run).toBe(1)
    expect(db.lines[1].status).toBe('paid')
    expect(s.preview).toBeNull()
    expect(s.runs).toHaveLength(1)
  })
  it("saves a run's files, opens a statement and shows its first page", async () => {
    db.settings.set('company.name', 'Kaffee Shop GmbH')
    db.settings.set('company.address', 'Hauptstraße 1, Berlin')
    const s = usePayoutsStore()
    await s.load(1)
    await s.previewRun('2025-05-10')
    await s.confirm()
    const saved = await s.saveRun(1)
    expect(saved?.files).toEqual(['2025-0001-kira.pdf', 'run-1-summary.pdf', 'run-1-bookkeeping.csv'])
    expect(s.saved?.dir).toBe('/data/statements/run-1')
    expect((await s.openStatement('2025-0001')).path).toBe('/data/statements/2025-0001-kira.pdf')
    const p = s.runs[0].payouts[0]
    await s.view(p)
    expect(s.viewing?.number).toBe('2025-0001')
    expect(new TextDecoder().decode(s.pdf!)).toContain('%PDF-1.4\n% statement 2025-0001')
    await expect(s.view({ ...p, number: '2025-0099' } as typeof p)).rejects.toMatchObject({ code: 'not_found' })
    expect(s.viewing?.number).toBe('2025-0001')
    s.closeViewer()
    expect(s.viewing).toBeNull()
    expect(s.pdf).toBeNull()
  })
  it('offers to mail statements only when a mail server and a sender are set', async () => {
    const s = usePayoutsStore()
    await s.load(1)
    expect(s.mailReady).toBe(false)
    db.settings.set('smtp.host', 'mail.example.org')
    await s.load(1)
    expect(s.mailReady).toBe(false)
    db.settings.set('mail.from', 'shop@example.org')
    await s.load(1)
    expect(s.mailReady).toBe(true)
  })
})

describe('fake money', () => {
  it('adds amounts as integer cents', () => {
    expect(text(cents('0.10') + cents('0.20'))).toBe('0.30')
    expect(text(cents('-5.20') + cents('1.05'))).toBe('-4.15')
    expect(text(cents('7'))).toBe('7.00')
  })
})
