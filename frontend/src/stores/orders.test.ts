import { beforeEach, describe, expect, it, vi } from 'vitest'
import { api } from '@/api'
import { createPinia, setActivePinia } from 'pinia'
import { useOrdersStore } from './orders'
import { db, reset } from '@/api/fakes/db'
import { domain } from '@/api'

const row = (n: number, status = 'paid') => domain.OrderRow.createFrom({ source: 'shopify', id: `#${n}`,
  time: `2025-03-${String(n).padStart(2, '0')}T10:00:00Z`, customer: `c${n}@example.org`, currency: 'EUR', total: '10.00',
  base: '8.00', refunded: '0.00', status, partner: '', reason: '' })

beforeEach(() => {
  reset()
  setActivePinia(createPinia())
})

describe('orders store', () => {
  it('walks keyset pages forward and back, and a filter starts again at page 1', async () => {
    for (let n = 1; n <= 25; n++) db.orders.push(row(n, n % 5 === 0 ? 'refunded' : 'paid'))
    const s = useOrdersStore()
    await s.load({ program_id: 1, limit: 10 })
    expect(s.rows.map((o) => o.id).slice(0, 2)).toEqual(['#25', '#24'])
    await s.nextPage()
    await s.nextPage()
    expect(s.page).toBe(3)
    expect(s.rows.map((o) => o.id)).toEqual(['#5', '#4', '#3', '#2', '#1'])
    expect(s.next).toBe('')
    await s.prevPage()
    expect(s.page).toBe(2)
    expect(s.rows[0].id).toBe('#15')
    await s.load({ status: 'refunded' })
    expect(s.page).toBe(1)
    expect(s.rows.map((o) => o.id)).toEqual(['#25', '#20', '#15', '#10', '#5'])
    expect(db.calls.at(-1)).toContain('"status":"refunded"')
  })
  it('shows the newest request when an older one answers last', async () => {
    for (let n = 1; n <= 3; n++) db.orders.push(row(n))
    const s = useOrdersStore()
    const real = api.orders.bind(api)
    let release = () => {}
    const gate = new Promise<void>((r) => { release = r })
    let first = true
    const spy = vi.spyOn(api, 'orders').mockImplementation(async (q) => {
      if (first) { first = false; await gate }
      return real(q)
    })
    const slow = s.load({ program_id: 1 })
    await s.load({ status: 'refunded' })
    release()
    await slow
    expect(s.rows).toEqual([])
    expect(s.loading).toBe(false)
    spy.mockRestore()
  })
  it('undo refreshes the orders and the history', async () => {
    db.batches.push(domain.ImportBatch.createFrom({ id: 3, kind: 'orders', file: 'a.csv', created: 4, undoable: true }))
    const s = useOrdersStore()
    await s.load({ program_id: 1 })
    await s.loadHistory()
    const res = await s.undo(3)
    expect(res.orders_removed).toBe(4)
    expect(s.history[0].undoable).toBe(false)
    await expect(s.undo(3)).rejects.toMatchObject({ code: 'conflict' })
  })
})
