import { app, domain } from '../../wailsjs/go/models'
import { db } from './db'

export async function Address(): Promise<string> {
  return db.settings.get('portal.url') ?? ''
}
export async function Info(_programId: number): Promise<app.PortalInfo> {
  return app.PortalInfo.createFrom({ url: db.settings.get('portal.url') ?? '', on: true })
}
export async function LastSignIn(_programId: number, _key: string): Promise<string> {
  return ''
}
export async function Invite(_programId: number, _key: string): Promise<app.Queued> {
  db.calls.push('Portal.Invite')
  return app.Queued.createFrom({ dry_run: false, queued: 1, already: 0, skipped: [], messages: [] })
}
/** The requests partners made in the portal (tests put some here); refuse: the next Decide's error. */
export const portalFake = { requests: [] as domain.PortalRequest[], refuse: '' }
export async function Requests(_programId: number, status: string): Promise<domain.PortalRequest[]> {
  return portalFake.requests.filter((r) => !status || r.status === status)
}
export async function Decide(_programId: number, id: number, approve: boolean): Promise<domain.PortalRequest> {
  db.calls.push('Portal.Decide')
  if (portalFake.refuse) throw { code: 'invalid', message: portalFake.refuse, problems: [] }
  const r = portalFake.requests.find((x) => x.id === id)
  if (r) r.status = approve ? 'approved' : 'rejected'
  return domain.PortalRequest.createFrom({ id, status: approve ? 'approved' : 'rejected' })
}
