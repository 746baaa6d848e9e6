import { defineStore } from 'pinia'
import { syncApi, type APIKey, type Endpoint, type NewAPIKey, type PullResult, type Remote, type SiteSetup, type SyncEvent } from '@/api/sync'

/** The stub a shop pastes after the script tag: it queues calls made before pb.js has loaded. */
export const STUB = 'window.partnerbook = window.partnerbook || function(){(partnerbook.q = partnerbook.q || []).push(arguments)}'

/** How many events the install check shows. */
export const EVENTS_SHOWN = 50

/** snippet is what the shop pastes into every page: the script tag with the key, and the stub. */
export function snippet(base: string, key: string): string {
  const src = base.replace(/\/*$/, '/') + 'pb.js'
  return `<script src="${src}" data-program="${key || 'pk_live_…'}" async></script>\n<script>${STUB}</script>`
}

/**
 * scriptBase is where a shop's pages reach the endpoint: the headless server when one is
 * linked, else the window's endpoint while it runs, else an example address to replace.
 */
export function scriptBase(remote: Remote | null, endpoint: Endpoint | null): string {
  if (remote?.url) return remote.url
  if (endpoint?.running && endpoint.url) return endpoint.url
  return 'https://track.example.com/'
}

/** eventState says where an event stands: applied, waiting to be applied, or refused with why. */
export function eventState(e: SyncEvent): 'applied' | 'waiting' | 'problem' {
  if (e.problem) return 'problem'
  return e.applied ? 'applied' : 'waiting'
}

/** describe says in one line what an event carried (from its payload as kept). */
export function describe(e: SyncEvent): string {
  let p: Record<string, any> = {}
  try {
    p = JSON.parse(e.payload || '{}') ?? {}
  } catch {
    return ''
  }
  const parts: string[] = []
  const add = (label: string, v: unknown) => { if (v !== undefined && v !== null && v !== '') parts.push(label + String(v)) }
  switch (e.type) {
    case 'visit':
      add('partner ', p.ref)
      add('', pathOf(p.url))
      add('from ', hostOf(p.referrer))
      break
    case 'signup':
      add('', p.email)
      add('partner ', p.key)
      break
    case 'sale':
      add('order ', p.order_id)
      if (p.amount) parts.push(`${p.amount} ${p.currency ?? ''}`.trim())
      add('', p.customer?.email || p.customer?.key)
      add('partner ', p.ref)
      add('coupon ', p.coupon)
      break
    case 'refund':
      add('order ', p.order_id)
      if (p.amount) parts.push(`−${p.amount}`)
      break
  }
  return parts.join(' · ')
}

function pathOf(u: unknown): string {
  try {
    const url = new URL(String(u))
    return url.pathname + url.search
  } catch {
    return ''
  }
}

function hostOf(u: unknown): string {
  try {
    return new URL(String(u)).host
  } catch {
    return ''
  }
}

/** ago says how long before now an RFC 3339 time was, as a person says it. */
export function ago(t: string, now: Date = new Date()): string {
  const at = Date.parse(t)
  if (!t || Number.isNaN(at)) return 'never'
  const s = Math.max(0, Math.round((now.getTime() - at) / 1000))
  if (s < 5) return 'just now'
  if (s < 60) return `${s} s ago`
  if (s < 3600) return `${Math.floor(s / 60)} min ago`
  if (s < 86400) return `${Math.floor(s / 3600)} h ago`
  const days = Math.floor(s / 86400)
  return days === 1 ? 'yesterday' : `${days} days ago`
}

/** The Sync screen: keys, the program's sites, the snippet, the install check, the server link. */
export const useSyncStore = defineStore('sync', {
  state: () => ({
    programId: 0,
    keys: [] as APIKey[],
    fresh: null as NewAPIKey | null, // a key just made, shown this once
    site: null as SiteSetup | null,
    events: [] as SyncEvent[],
    checkedAt: '', // when the install check last asked
    endpoint: null as Endpoint | null,
    remote: null as Remote | null,
    pulling: false,
    pulled: null as PullResult | null,
  }),
  getters: {
    active: (s) => s.keys.filter((k) => !k.revoked),
    /** The key the snippet carries: the newest live publishable key, else a test one. */
    snippetKey(): APIKey | undefined {
      const pks = this.active.filter((k) => k.kind === 'publishable')
      return pks.find((k) => !k.test) ?? pks[0]
    },
    base: (s) => scriptBase(s.remote, s.endpoint),
    testEvents: (s) => s.events.filter((e) => e.test).length,
    /** The newest event that was not a test, if any: has the shop's real site reached us? */
    lastLive: (s) => s.events.find((e) => !e.test),
  },
  actions: {
    async load(programId: number) {
      this.programId = programId
      this.fresh = null
      const [keys, site, endpoint, remote] = await Promise.all([syncApi.keys(programId), syncApi.site(programId), syncApi.endpoint(), syncApi.remote()])
      Object.assign(this, { keys, site, endpoint, remote })
      await this.check()
    },
    /** check reads the last events again (the install check polls it while on screen). */
    async check() {
      if (!this.programId) return
      this.events = await syncApi.events(this.programId, EVENTS_SHOWN)
      this.checkedAt = new Date().toISOString()
    },
    async createKey(kind: 'publishable' | 'secret', test: boolean) {
      this.fresh = await syncApi.createKey(this.programId, kind, test)
      this.keys = await syncApi.keys(this.programId)
      return this.fresh
    },
    async revoke(id: number) {
      await syncApi.revokeKey(id)
      this.keys = await syncApi.keys(this.programId)
      if (this.fresh?.api_key.id === id) this.fresh = null
    },
    async saveSite(origins: string[], site: string) {
      this.site = await syncApi.setSite(this.programId, origins, site)
      return this.site
    },
    async purgeTests() {
      const n = await syncApi.purgeTestEvents(this.programId)
      await this.check()
      return n
    },
    async saveRemote(url: string, secret: string) {
      this.remote = await syncApi.setRemote(url, secret)
      return this.remote
    },
    /** pull fetches from the headless server now (the Sync button); how it went stays on screen. */
    async pull() {
      this.pulling = true
      try {
        this.pulled = await syncApi.pull()
        return this.pulled
      } finally {
        this.pulling = false
        this.remote = await syncApi.remote()
        await this.check()
      }
    },
  },
})
