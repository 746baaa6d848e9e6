// The Sync screen's calls: the sync endpoint's keys, the program's allowed sites, the install
// check's events, the endpoint in the window and the link to a headless server.
import * as Sync from '@bindings/Sync'
import { app } from '../wailsjs/go/models'
import { call } from './errors'

export type APIKey = app.APIKey
export type NewAPIKey = app.NewAPIKey
export type SiteSetup = app.SiteSetup
export type SyncEvent = app.Event
export type Endpoint = app.Endpoint
export type Remote = app.Remote
export type PullResult = app.PullResult

export const syncApi = {
  keys: (programId: number) => call(Sync.Keys(programId)),
  createKey: (programId: number, kind: 'publishable' | 'secret', test: boolean) => call(Sync.CreateKey(programId, kind, test)),
  revokeKey: (id: number) => call(Sync.RevokeKey(id)),
  site: (programId: number) => call(Sync.Site(programId)),
  setSite: (programId: number, origins: string[], site: string) => call(Sync.SetSite(programId, origins, site)),
  events: (programId: number, limit: number) => call(Sync.RecentEvents(programId, limit)),
  purgeTestEvents: (programId: number) => call(Sync.PurgeTestEvents(programId)),
  endpoint: () => call(Sync.Endpoint()),
  remote: () => call(Sync.Remote()),
  setRemote: (url: string, secret: string) => call(Sync.SetRemote(url, secret)),
  pull: () => call(Sync.PullNow()),
}
