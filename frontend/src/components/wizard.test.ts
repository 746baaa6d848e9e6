import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import { createPinia, setActivePinia } from 'pinia'
import { NMessageProvider } from 'naive-ui'
import ImportWizard from './ImportWizard.vue'
import { db, reset } from '@/api/fakes/db'
import { fake } from '@/api/fakes/Importer'
import { app, domain } from '@/api'

beforeEach(() => {
  reset()
  setActivePinia(createPinia())
})
afterEach(() => {
  document.body.innerHTML = ''
})
const q = (id: string) => document.querySelector(`[data-testid="${id}"]`) as HTMLElement | null

function mountWizard() {
  const imported: boolean[] = []
  const Host = defineComponent(() => () => h(NMessageProvider, () =>
    h(ImportWizard, { show: true, programId: 1, browserMode: false, onImported: () => imported.push(true) })))
  mount(Host, { attachTo: document.body })
  return imported
}

describe('ImportWizard', () => {
  it('picks a file, shows how it reads, imports it and shows the counts', async () => {
    fake.preview = app.ImportPreview.createFrom({ file: 'orders_export_1.csv', size: 100, format: 'shopify', formats: ['auto', 'shopify', 'generic'],
      header: ['Name'], rows: [['#1001']], items: [{ row: 2, kind: 'order', id: '#1001', time: '2025-03-14T08:12:45Z', customer: 'mara@example.org',
        currency: 'EUR', total: '56.90', net: '43.70', discount_codes: ['KIRA10'], ref_key: 'lena', lines: 2, refunded: '0.00', status: 'paid', message: '' }] })
    fake.result = domain.OrderImportResult.createFrom({ batch: 7, format: 'shopify', rows: 8, orders: 6, created: 6, updated: 0, unchanged: 0,
      skipped: 1, refunds: 0, dry_run: false, errors: [], skips: [{ row: 8, reason: 'pending' }] })
    const imported = mountWizard()
    await flushPromises()
    q('import-pick')!.click()
    await flushPromises()
    expect(q('import-filename')!.textContent).toBe('orders_export_1.csv')
    expect(q('import-detected')!.textContent).toBe('shopify')
    expect(q('import-preview')!.textContent).toContain('56.90 EUR')
    expect(q('import-preview')!.textContent).toContain('KIRA10')
    q('import-start')!.click()
    await flushPromises()
    expect(db.calls).toContain('Importer.Start /data/orders_export_1.csv skip=false')
    expect(q('import-created')!.textContent).toBe('6')
    expect(q('import-result')!.textContent).toContain('batch 7')
    expect(imported).toEqual([true])
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
