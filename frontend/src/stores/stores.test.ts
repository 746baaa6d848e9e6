import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useProgramsStore } from './programs'
import { usePartnersStore } from './partners'
import { useLeadsStore } from './leads'
import { db, defaults, reset } from '@/api/fakes/db'
import { app } from '@/api'
import { ApiError } from '@/api'

const partner = (key: string, coupons: string[] = []) =>
  app.Partner.createFrom({ id: 0, name: key.toUpperCase(), email: `${key}@example.org`, key, coupons, parent: '', status: '',
    address: '', country: '', vat_id: '', language: 'en', paypal_email: '', iban: '', created_at: '' })

beforeEach(() => {
  reset()
  localStorage.clear()
  setActivePinia(createPinia())
})

describe('programs store', () => {
  it('offers the sample on an empty data folder and selects it once made', async () => {
    const s = useProgramsStore()
    await s.load()
    expect(s.info?.offer_sample).toBe(true)
    expect(s.current).toBeUndefined()
    await s.createSample()
    expect(s.current?.name).toBe('Sample shop')
    expect(s.info?.offer_sample).toBe(false)
    expect(localStorage.getItem('partnerbook.program')).toBe(String(s.current?.id))
  })
  it('selects a created program and keeps the choice', async () => {
    const s = useProgramsStore()
    await s.create(app.Program.createFrom({ ...defaults(), name: 'A' }))
    const b = await s.create(app.Program.createFrom({ ...defaults(), name: 'B' }))
    expect(s.currentId).toBe(b.id)
    setActivePinia(createPinia())
    const again = useProgramsStore()
    await again.load()
    expect(again.current?.name).toBe('B')
  })
  it('passes the backend error on', async () => {
    const s = useProgramsStore()
    await s.create(app.Program.createFrom({ ...defaults(), name: 'A' }))
    await expect(s.create(app.Program.createFrom({ ...defaults(), name: 'a' }))).rejects.toBeInstanceOf(ApiError)
    expect(s.programs).toHaveLength(1)
  })
})

describe('partners store', () => {
  it('pages through partners with the query it keeps', async () => {
    const s = usePartnersStore()
    for (const k of ['a', 'b', 'c', 'd', 'e']) await s.save(1, partner(k), '')
    await s.load({ program_id: 1, limit: 2, offset: 2 })
    expect(s.total).toBe(5)
    expect(s.rows.map((r) => r.key)).toEqual(['c', 'd'])
    await s.load({ search: 'e@' })
    expect(s.rows.map((r) => r.key)).toEqual([])
    await s.load({ search: 'e@', offset: 0 })
    expect(s.rows.map((r) => r.key)).toEqual(['e'])
  })
  it('refuses a taken coupon with the field named', async () => {
    const s = usePartnersStore()
    await s.save(1, partner('kira', ['KIRA10']), '')
    const err = await s.save(1, partner('lena', ['kira10']), '').catch((e) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect((err as ApiError).forField('coupons')).toMatch(/kira10/)
  })
  it('updates by the original key', async () => {
    const s = usePartnersStore()
    await s.save(1, partner('kira'), '')
    await s.load({ program_id: 1 })
    await s.save(1, { ...s.rows[0], name: 'Kira Nowak' } as app.Partner, 'kira')
    expect(s.rows[0].name).toBe('Kira Nowak')
    expect(db.calls).toContain('Partners.Update')
  })
})

describe('leads store', () => {
  it('adds a lead and changes its status in place', async () => {
    const s = useLeadsStore()
    await s.load({ program_id: 1 })
    const l = await s.add(1, app.Lead.createFrom({ partner: 'kira', email: 'jo@example.com', name: 'Jo', status: 'new' }))
    expect(s.rows).toHaveLength(1)
    await s.setStatus(1, l.id, 'converted')
    expect(s.rows[0].status).toBe('converted')
  })
})
