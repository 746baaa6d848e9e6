import { app, domain } from '../../wailsjs/go/models'
import { invalid } from './db'

// The sync endpoint's side of the fake: keys, a program's sites, events as a shop's site would
// have sent them, the link to a headless server. Its state is its own (resetSync).

export const syncDb = {
  keys: [] as (app.APIKey & { program: number; secret: string })[],
  sites: new Map<number, app.SiteSetup>(),
  events: [] as (app.Event & { program: number })[],
  remote: { url: '', secret: '', last: app.Remote.createFrom({ url: '', secret_set: false, last_pull: '', ok: false, message: '' }) },
  endpoint: app.Endpoint.createFrom({ enabled: false, addr: '127.0.0.1', port: 8787, running: false, url: '', error: '' }),
  /** What the next pull brings: events, or an error message. */
  serverEvents: [] as (app.Event & { program: number })[],
  serverDown: '',
  nextId: 1,
}

export function resetSync() {
  syncDb.keys = []
  syncDb.sites = new Map()
  syncDb.events = []
  syncDb.remote = { url: '', secret: '', last: app.Remote.createFrom({ url: '', secret_set: false, last_pull: '', ok: false, message: '' }) }
  syncDb.endpoint = app.Endpoint.createFrom({ enabled: false, addr: '127.0.0.1', port: 8787, running: false, url: '', error: '' })
  syncDb.serverEvents = []
  syncDb.serverDown = ''
  syncDb.nextId = 1
}

/** addEvent records an event as the endpoint would (newest last). */
export function addEvent(program: number, type: string, payload: object, o: Partial<app.Event> = {}) {
  const id = syncDb.nextId++
  const e = Object.assign(app.Event.createFrom({ id, event_id: `e${id}`, type, test: false, received_at: new Date().toISOString().slice(0, 19) + 'Z',
    applied: true, problem: '', payload: JSON.stringify(payload), ...o }), { program })
  syncDb.events.push(e)
  return e
}

const hex = (n: number) => Array.from({ length: n }, (_, i) => ((i * 7 + syncDb.nextId) % 16).toString(16)).join('')

export async function Keys(programId: number): Promise<app.APIKey[]> {
  return syncDb.keys.filter((k) => k.program === programId).slice().reverse().map((k) => app.APIKey.createFrom(k))
}
export async function CreateKey(programId: number, kind: string, test: boolean): Promise<app.NewAPIKey> {
  if (kind !== 'publishable' && kind !== 'secret') throw invalid('the key is not valid', 'kind', 'is publishable or secret')
  const key = `${kind === 'publishable' ? 'pk' : 'sk'}_${test ? 'test' : 'live'}_${hex(24)}`
  const k = Object.assign(app.APIKey.createFrom({ id: syncDb.nextId++, kind, prefix: key.slice(0, 12), key: kind === 'publishable' ? key : '', test,
    created: new Date().toISOString().slice(0, 19) + 'Z', revoked: '' }), { program: programId, secret: key })
  syncDb.keys.push(k)
  return app.NewAPIKey.createFrom({ api_key: app.APIKey.createFrom(k), key })
}
export async function RevokeKey(id: number): Promise<app.APIKey> {
  const k = syncDb.keys.find((x) => x.id === id)
  if (!k) throw { code: 'not_found', message: `there is no key ${id}`, problems: [] }
  k.revoked ||= new Date().toISOString().slice(0, 19) + 'Z'
  return app.APIKey.createFrom(k)
}
export async function Site(programId: number): Promise<app.SiteSetup> {
  return syncDb.sites.get(programId) ?? app.SiteSetup.createFrom({ origins: [], site: '', cookie_days: 30, attribution: 'last_click' })
}
export async function SetSite(programId: number, origins: string[], site: string): Promise<app.SiteSetup> {
  const clean = [...new Set(origins.map((o) => o.trim().toLowerCase().replace(/\/+$/, '')).filter(Boolean))]
  for (const [i, o] of clean.entries()) {
    let u: URL | null = null
    try { u = new URL(o) } catch { /* refused below */ }
    if (!u || !/^https?:$/.test(u.protocol)) throw invalid('the program is not valid', `origins[${i}]`, `"${o}" is not a site origin such as https://shop.example`)
    if (u.pathname !== '/' || u.search || u.hash) {
      throw invalid('the program is not valid', `origins[${i}]`, `"${o}" should be only scheme, host and port, such as https://shop.example`)
    }
  }
  const s = app.SiteSetup.createFrom({ ...(await Site(programId)), origins: clean, site: site.trim() })
  syncDb.sites.set(programId, s)
  return s
}
export async function RecentEvents(programId: number, limit: number): Promise<app.Event[]> {
  return syncDb.events.filter((e) => e.program === programId).slice(-limit).reverse().map((e) => app.Event.createFrom(e))
}
export async function PurgeTestEvents(programId: number): Promise<number> {
  const before = syncDb.events.length
  syncDb.events = syncDb.events.filter((e) => !(e.program === programId && e.test))
  return before - syncDb.events.length
}
export async function Endpoint(): Promise<app.Endpoint> {
  return app.Endpoint.createFrom(syncDb.endpoint)
}
export async function SetEndpoint(enabled: boolean, addr: string, port: number): Promise<app.Endpoint> {
  syncDb.endpoint = app.Endpoint.createFrom({ enabled, addr, port, running: enabled, url: enabled ? `http://${addr}:${port}/` : '', error: '' })
  return Endpoint()
}
export async function Remote(): Promise<app.Remote> {
  return app.Remote.createFrom({ ...syncDb.remote.last, url: syncDb.remote.url, secret_set: !!syncDb.remote.secret })
}
export async function SetRemote(url: string, secret: string): Promise<app.Remote> {
  if (url && !/^https?:\/\/[^/]+/.test(url)) throw invalid('the setting is not valid', 'sync.remote', `"${url}" is not a web address`)
  syncDb.remote.url = url
  if (secret) syncDb.remote.secret = secret
  return Remote()
}
export async function PullNow(): Promise<app.PullResult> {
  const at = new Date().toISOString().slice(0, 19) + 'Z'
  if (!syncDb.remote.url || !syncDb.remote.secret) throw { code: 'invalid', message: 'no headless server is linked: set its URL and link secret', problems: [] }
  if (syncDb.serverDown) {
    syncDb.remote.last = app.Remote.createFrom({ last_pull: at, ok: false, message: syncDb.serverDown })
    throw { code: 'unavailable', message: syncDb.serverDown, problems: [] }
  }
  const got = syncDb.serverEvents.splice(0)
  for (const e of got) syncDb.events.push(Object.assign(e, { id: syncDb.nextId++, applied: true }))
  const msg = `fetched ${got.length} event(s), applied ${got.length}`
  syncDb.remote.last = app.Remote.createFrom({ last_pull: at, ok: true, message: msg })
  return app.PullResult.createFrom({ pushed: domain.SyncPushResult.createFrom({ programs: 1, partners: 4, keys: syncDb.keys.length }),
    fetched: got.length, applied: got.length, cursor: String(syncDb.nextId) })
}
