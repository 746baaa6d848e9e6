import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { NDialogProvider, NMessageProvider, NNotificationProvider } from 'naive-ui'
import SyncKeys from './SyncKeys.vue'
import SyncServer from './SyncServer.vue'
import PortalRequests from './PortalRequests.vue'
import { portalFake } from '@/api/fakes/Portal'
import { domain } from '@/api'
import { reset } from '@/api/fakes/db'
import { resetSync, syncDb } from '@/api/fakes/Sync'
import { useSyncStore } from '@/stores/sync'

beforeEach(() => {
  reset()
  portalFake.requests = []
  portalFake.refuse = ''
  resetSync()
  setActivePinia(createPinia())
})
afterEach(() => {
  document.body.innerHTML = ''
})

function within(c: object, props: Record<string, unknown> = {}) {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { render: () => null } }] })
  const Root = defineComponent({ render: () => h(NNotificationProvider, null, () => h(NMessageProvider, null, () => h(NDialogProvider, null, () => h(c, props)))) })
  return mount(Root, { global: { plugins: [router] }, attachTo: document.body })
}

describe('the Sync screen', () => {
  it('lists keys in words, not codes: kind, mode and when they were made in the program\'s zone', async () => {
    const s = useSyncStore()
    await s.load(1)
    await s.createKey('publishable', true)
    await s.createKey('secret', false)
    s.fresh = null
    const w = within(SyncKeys)
    await flushPromises()
    const rows = w.findAll('[data-testid="keys-table"] tbody tr').map((r) => r.text())
    expect(rows).toHaveLength(2)
    expect(rows.join(' ')).toMatch(/Secret.*sk_live_.*…Live/)
    expect(rows.join(' ')).toMatch(/Publishable.*pk_test_.*Test/)
    expect(w.find('[data-testid="keys-table"] thead').text()).toMatch(/Made \((UTC|\w+)\)/)
    expect(w.text()).not.toMatch(/\bpublishable\b|\bsecret\b(?! keys)/)
    expect(w.find('.dt-count').text()).toBe('2 keys')
  })

  it('offers to make a key where there is none', async () => {
    await useSyncStore().load(1)
    const w = within(SyncKeys)
    await flushPromises()
    expect(w.find('[data-testid="keys-empty"]').text()).toContain('Make a key')
  })

  it('puts a refused server URL under its field and at the button, and clears both once it is changed', async () => {
    await useSyncStore().load(1)
    const w = within(SyncServer)
    await flushPromises()
    await w.find('[data-testid="remote-url"]').setValue('track.example')
    await w.find('[data-testid="remote-save"]').trigger('click')
    await flushPromises()
    const feedback = () => w.findAll('.n-form-item-feedback__line').map((f) => f.text()).join(' ')
    expect(feedback()).toContain('"track.example" is not a web address')
    expect(w.find('[data-testid="remote-error"]').text()).toBe('The link is not saved: fix the field marked above.')
    expect(w.text()).not.toContain('sync.remote')
    await w.find('[data-testid="remote-url"]').setValue('https://track.example')
    await flushPromises()
    expect(feedback()).toBe('')
    expect(w.find('[data-testid="remote-error"]').exists()).toBe(false)
  })

  it('says at Sync now why a pull failed, in words, and keeps it until the form changes', async () => {
    syncDb.remote.url = 'https://track.example'
    syncDb.remote.secret = 'x'
    syncDb.serverDown = 'the server refused the link secret (setting sync.key): unknown secret'
    await useSyncStore().load(1)
    const w = within(SyncServer)
    await flushPromises()
    await w.find('[data-testid="sync-now"]').trigger('click')
    await flushPromises()
    expect(w.find('[data-testid="pull-error"]').text()).toBe('The server refused the link secret: unknown secret.')
    expect(w.find('[data-testid="pull-message"]').text()).not.toContain('sync.key')
    await w.find('[data-testid="remote-secret"]').setValue('y')
    await flushPromises()
    expect(w.find('[data-testid="pull-error"]').exists()).toBe(false)
  })
})

describe('payout-detail requests from the portal', () => {
  const ask = (id: number, field: string, value: string) => domain.PortalRequest.createFrom({ id, partner: 'kira', name: 'Kira Nowak', field, value,
    status: 'pending', created_at: '2026-11-30T23:30:00Z', decided_at: '', decided_by: '' })

  it('lists what is asked in words, approves one, and says at the list why one did not go through', async () => {
    portalFake.requests = [ask(1, 'iban', 'DE89370400440532013000'), ask(2, 'paypal_email', 'kira@pay.example')]
    const w = within(PortalRequests, { programId: 1 })
    await flushPromises()
    const rows = () => w.findAll('[data-testid="requests-table"] tbody tr').map((r) => r.text())
    expect(rows()[0]).toContain('Bank account (IBAN)')
    expect(rows()[1]).toContain('PayPal address')
    expect(w.text()).not.toContain('paypal_email')
    await w.find('[data-testid="approve-request-1"]').trigger('click')
    await flushPromises()
    expect(rows()).toHaveLength(1)
    portalFake.refuse = 'the request was decided before'
    await w.find('[data-testid="reject-request-2"]').trigger('click')
    await flushPromises()
    expect(w.find('[data-testid="request-error"]').text()).toBe("Kira Nowak's request is not rejected: the request was decided before.")
  })

  it('shows nothing while no request waits', async () => {
    const w = within(PortalRequests, { programId: 1 })
    await flushPromises()
    expect(w.find('[data-testid="portal-requests"]').exists()).toBe(false)
  })
})
