import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import { createPinia, setActivePinia } from 'pinia'
import { NMessageProvider } from 'naive-ui'
import ImportWizard from './ImportWizard.vue'
import { creditWhy } from './import/credit'
import { db, reset } from '@/api/fakes/db'
import { fake } from '@/api/fakes/Importer'
import { app, domain } from '@/api'

beforeEach(() => {
  reset()
  setActivePinia(createPinia())
})
afterEach(() => {
  document.body.innerHTML = ''
  delete (window as unknown as { runtime?: unknown }).runtime
})
const q = (id: string) => document.querySelector(`[data-testid="${id}"]`) as HTMLElement | null

function mountWizard(browserMode = false) {
  const imported: boolean[] = []
  const Host = defineComponent(() => () => h(NMessageProvider, () =>
    h(ImportWizard, { show: true, programId: 1, browserMode, onImported: () => imported.push(true) })))
  mount(Host, { attachTo: document.body })
  return imported
}

const shopifyPreview = (already: domain.ImportedBefore | null = null) => app.ImportPreview.createFrom({
  file: 'orders_export_1.csv', size: 100, format: 'shopify', formats: ['auto', 'shopify', 'generic'], already,
  header: ['Name'], rows: [['#1001']], items: [
    { row: 2, kind: 'order', id: '#1001', time: '2025-03-14T08:12:45Z', customer: 'mara@example.org', currency: 'EUR', total: '56.90', net: '43.70',
      discount_codes: ['KIRA10'], ref_key: 'lena', lines: 2, refunded: '0.00', status: 'paid', message: '',
      credit: { row: 2, order: '#1001', partner: 'kira', partner_name: 'Kira Bloom', reason: 'coupon', code: 'KIRA10', note: '' } },
    { row: 4, kind: 'order', id: '#1002', time: '2025-03-30T01:30:00Z', customer: 'jonas@example.com', currency: 'EUR', total: '119.00', net: '100.00',
      discount_codes: [], ref_key: '', lines: 1, refunded: '0.00', status: 'paid', message: '',
      credit: { row: 4, order: '#1002', partner: '', partner_name: '', reason: '', code: '', note: '' } },
    { row: 7, kind: 'skip', id: '', time: '', customer: '', currency: '', total: '', net: '', discount_codes: [], ref_key: '', lines: 0,
      refunded: '', status: '', message: 'order #1005 is not paid (pending)' },
  ] })
const shopifyResult = (dry: boolean) => domain.OrderImportResult.createFrom({ batch: dry ? 0 : 7, format: 'shopify', rows: 8, orders: 6, created: 6,
  updated: 0, unchanged: 0, skipped: 1, refunds: 3, lines: { created: 9, changed: 0 }, dry_run: dry, errors: [], skips: [{ row: 7, reason: 'pending' }] })

describe('ImportWizard', () => {
  it('picks a file, shows whom each order credits and why, imports it and shows the counts', async () => {
    fake.preview = shopifyPreview()
    fake.result = shopifyResult(false)
    const imported = mountWizard()
    await flushPromises()
    q('import-pick')!.click()
    await flushPromises()
    expect(q('import-filename')!.textContent).toBe('orders_export_1.csv')
    expect(q('import-detected')!.textContent).toBe('Shopify orders')
    expect(q('import-already')).toBeNull()
    const rows = [...q('import-preview')!.querySelectorAll('tbody tr')].map((r) => r.textContent ?? '')
    expect(rows[0]).toContain('Kira Bloom')
    expect(rows[0]).toContain('Coupon KIRA10')
    expect(rows[1]).toContain('Nobody')
    expect(rows[1]).toContain('No coupon, key or linked customer')
    expect(rows[2]).toContain('Not a sale')
    expect(rows[2]).toContain('not paid (pending)')
    expect(q('import-preview')!.textContent).toContain('56.90')
    expect(q('import-wizard')!.textContent).toContain('Nothing is imported yet')
    q('import-start')!.click()
    await flushPromises()
    expect(db.calls).toContain('Importer.Start /data/orders_export_1.csv skip=false')
    expect(q('import-outcome')!.textContent).toContain('Imported as batch 7')
    expect(q('import-created')!.textContent).toBe('6')
    expect(q('import-refunds')!.textContent).toBe('3')
    expect(q('import-lines-created')!.textContent).toBe('9')
    expect(imported).toEqual([true])
  })

  it('says a file was imported before, before importing it', async () => {
    fake.preview = shopifyPreview(domain.ImportedBefore.createFrom({ batch: 3, file: 'orders_export_1.csv', at: '2025-04-07T10:00:00Z', later: false }))
    mountWizard()
    await flushPromises()
    q('import-pick')!.click()
    await flushPromises()
    const note = q('import-already')!.textContent!
    expect(note).toContain('Already imported as batch 3 on 2025-04-07')
    expect(note).toContain('importing it again changes nothing')
    expect(q('import-start')!.textContent!.trim()).toBe('Import again')
    expect(db.calls.some((c) => c.startsWith('Importer.Start'))).toBe(false)
  })

  it('shows a dry run as a preview, not a result, and imports from there', async () => {
    fake.preview = shopifyPreview()
    fake.result = shopifyResult(true)
    const imported = mountWizard()
    await flushPromises()
    q('import-pick')!.click()
    await flushPromises()
    q('import-dry-run')!.click()
    await flushPromises()
    const outcome = q('import-outcome')!.textContent!
    expect(outcome).toContain('Preview of the whole file: nothing was imported')
    expect(outcome).toContain('Importing it would give')
    expect(outcome).toContain('New commission lines')
    expect(outcome).not.toContain('batch')
    expect(imported).toEqual([])
    fake.result = shopifyResult(false)
    q('import-now')!.click()
    await flushPromises()
    expect(q('import-outcome')!.textContent).toContain('Imported as batch 7')
    expect(imported).toEqual([true])
  })

  it('takes a file dropped on the window by its path', async () => {
    let drop: ((x: number, y: number, paths: string[]) => void) | null = null
    const offs: number[] = []
    ;(window as unknown as { runtime: unknown }).runtime = {
      OnFileDrop: (cb: typeof drop, target: boolean) => { expect(target).toBe(true); drop = cb },
      OnFileDropOff: () => offs.push(1),
    }
    fake.preview = shopifyPreview()
    mountWizard()
    await flushPromises()
    expect(q('import-drop')).not.toBeNull()
    drop!(10, 10, ['/home/mara/Downloads/orders_export_1.csv'])
    await flushPromises()
    expect(db.calls).toContain('Importer.Preview auto /home/mara/Downloads/orders_export_1.csv')
    expect(q('import-filename')!.textContent).toBe('orders_export_1.csv')
    expect(offs).toEqual([1]) // the drop zone is gone: it stopped listening
  })

  it('offers the mapping editor for a file it does not recognise', async () => {
    fake.preview = app.ImportPreview.createFrom({ file: 'kasse.csv', size: 10, format: '', formats: ['auto', 'generic'],
      error: { code: 'invalid', message: 'kasse.csv is in a format Partnerbook does not recognise', problems: [{ row: 1, message: 'the header is: Bestellnr;Datum' }] },
      header: ['Bestellnr', 'Datum'], rows: [['A-100', '14.03.2025']], items: [] })
    mountWizard()
    await flushPromises()
    q('import-pick')!.click()
    await flushPromises()
    expect(q('import-preview-error')!.textContent).toContain('Bestellnr;Datum')
    expect(q('mapping-editor')).not.toBeNull()
    expect((q('import-start') as HTMLButtonElement).disabled).toBe(true)
  })
})

describe('creditWhy', () => {
  const c = (o: Partial<domain.OrderCredit>) => domain.OrderCredit.createFrom({ row: 2, order: '#1', partner: 'kira', partner_name: 'Kira', reason: '', code: '', note: '', ...o })
  it.each([
    [c({ reason: 'coupon', code: 'KIRA10' }), 'en', 'Coupon KIRA10'],
    [c({ reason: 'ref', code: 'kira' }), 'en', 'Referral link kira'],
    [c({ reason: 'customer' }), 'en', 'Their customer'],
    [c({ reason: 'coupon', code: 'KIRA10', note: 'self_referral' }), 'en', 'Coupon KIRA10 · Own purchase: earns nothing'],
    [c({ partner: '', partner_name: '' }), 'en', 'No coupon, key or linked customer'],
    [c({ reason: 'coupon', code: 'KIRA10' }), 'de', 'Gutschein KIRA10'],
  ] as const)('%o in %s', (credit, l, want) => {
    expect(creditWhy(credit, l)).toBe(want)
  })
})
