import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useMailStore } from './mail'
import { db, reset } from '@/api/fakes/db'
import { domain } from '@/api'

const payout = (number: string, partner: string) => domain.PayoutLine.createFrom({ number, partner, currency: 'EUR', amount: '54.61', lines: 3, kind: 'invoice' })

beforeEach(() => {
  reset()
  setActivePinia(createPinia())
  db.runs.push(domain.PayoutRun.createFrom({ run: 1, as_of: '2025-05-10', dry_run: false, payouts: [payout('2025-0001', 'kira'),
    payout('2025-0002', 'lena')], carried: [], warnings: [] }))
})

describe('mail store', () => {
  it('mails a run\'s statements once, and shows the outbox after', async () => {
    const s = useMailStore()
    const q = await s.mailStatements(1, 1)
    expect(q.queued).toBe(2)
    expect(s.last?.sent).toBe(2)
    expect(s.progress).toBeNull()
    expect(s.messages.map((m) => `${m.to} ${m.state}`)).toEqual(['lena@example.org sent', 'kira@example.org sent'])
    const again = await s.mailStatements(1, 1)
    expect([again.queued, again.already]).toEqual([0, 2])
    await expect(s.mailStatements(1, 9)).rejects.toMatchObject({ code: 'not_found' })
  })

  it('retries a failed message and filters by state', async () => {
    const s = useMailStore()
    db.runs[0].payouts[0].partner = 'down'
    await s.mailStatements(1, 1)
    s.state = 'failed'
    await s.load()
    expect(s.messages.map((m) => m.partner)).toEqual(['down'])
    expect(s.messages[0].error).toContain('refused')
    await s.retry(s.messages[0].id)
    expect(s.last?.sent).toBe(1)
    expect(s.messages).toEqual([]) // nothing failed any more
    await s.show(1)
    expect(s.open?.html).toContain('<b>down</b>')
  })

  it('edits a template: dirty until saved, problems name the part, reset brings back the default', async () => {
    const s = useMailStore()
    await s.loadTemplate('report', 'de')
    expect(s.template?.custom).toBe(false)
    expect(s.dirty).toBe(false)
    s.template!.subject = 'Hallo {{.Partner'
    expect(s.dirty).toBe(true)
    await expect(s.saveTemplate()).rejects.toMatchObject({ problems: [{ column: 'subject' }] })
    s.template!.subject = 'Ihr Monat bei {{.Shop}}, {{.Partner}}'
    s.previewPartner = 'kira'
    await s.renderPreview(1)
    expect(s.preview?.subject).toBe('Ihr Monat bei Linen & Co., kira')
    await s.saveTemplate()
    expect([s.saved?.custom, s.dirty]).toEqual([true, false])
    expect(db.calls).toContain('Mail.SaveTemplate report.de')
    await s.resetTemplate()
    expect(s.template?.custom).toBe(false)
  })
})
