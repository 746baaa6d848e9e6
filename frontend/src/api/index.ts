// The one place that knows the Wails bindings (or, in unit tests, their fakes). Everything
// else imports from here.
import * as Programs from '@bindings/Programs'
import * as Partners from '@bindings/Partners'
import * as Leads from '@bindings/Leads'
import * as Settings from '@bindings/Settings'
import * as System from '@bindings/System'
import { app } from '../wailsjs/go/models'
import { call } from './errors'

export { ApiError, toApiError } from './errors'
export type { Problem } from './errors'

export type Program = app.Program
export type Plan = app.Plan
export type Partner = app.Partner
export type Lead = app.Lead
export type Setting = app.Setting
export type Info = app.Info
export type ListQuery = app.ListQuery
export type PartnerPage = app.PartnerPage
export type LeadPage = app.LeadPage

export const api = {
  info: () => call(System.Info()),
  declineSample: () => call(System.DeclineSample()),

  programs: () => call(Programs.List()),
  program: (id: number) => call(Programs.Get(id)),
  programDefaults: () => call(Programs.Defaults()),
  createProgram: (p: Program) => call(Programs.Create(p)),
  updateProgram: (p: Program) => call(Programs.Update(p)),
  createSample: () => call(Programs.CreateSample()),

  partners: (q: ListQuery) => call(Partners.List(q)),
  partner: (programId: number, key: string) => call(Partners.Get(programId, key)),
  addPartner: (programId: number, p: Partner) => call(Partners.Add(programId, p)),
  updatePartner: (programId: number, key: string, p: Partner) => call(Partners.Update(programId, key, p)),

  leads: (q: ListQuery) => call(Leads.List(q)),
  addLead: (programId: number, l: Lead) => call(Leads.Add(programId, l)),
  setLeadStatus: (programId: number, id: number, status: string) => call(Leads.SetStatus(programId, id, status)),

  settings: () => call(Settings.List()),
  setSetting: (key: string, value: string) => call(Settings.Set(key, value)),
}

/** listQuery builds a ListQuery with defaults. */
export function listQuery(q: Partial<ListQuery> & { program_id: number }): ListQuery {
  return app.ListQuery.createFrom({ search: '', status: '', partner: '', sort: '', desc: false, offset: 0, limit: 25, ...q })
}
