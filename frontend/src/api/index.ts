// The one place that knows the Wails bindings (or, in unit tests, their fakes). Everything
// else imports from here.
import * as Programs from '@bindings/Programs'
import * as Partners from '@bindings/Partners'
import * as Leads from '@bindings/Leads'
import * as Settings from '@bindings/Settings'
import * as System from '@bindings/System'
import * as Orders from '@bindings/Orders'
import * as Importer from '@bindings/Importer'
import * as Commissions from '@bindings/Commissions'
import * as Payouts from '@bindings/Payouts'
import * as Mail from '@bindings/Mail'
import * as Portal from '@bindings/Portal'
import * as Reports from '@bindings/Reports'
import * as Exports from '@bindings/Exports'
import { app, domain } from '../wailsjs/go/models'
import { ApiError, call } from './errors'

export { ApiError, toApiError } from './errors'
// The generated model classes (for createFrom), for the rest of the frontend: it imports them
// from here, never from the bindings, so the bindings stay this folder's business.
export { app, domain }
export type { Problem } from './errors'

export type Program = app.Program
export type Plan = app.Plan
export type Partner = app.Partner
export type Lead = app.Lead
export type Setting = app.Setting
export type Backup = app.Backup
export type RestoreResult = app.RestoreResult
export type Info = app.Info
export type ListQuery = app.ListQuery
export type PartnerPage = app.PartnerPage
export type LeadPage = app.LeadPage
export type OrderQuery = domain.OrderQuery
export type OrderPage = domain.OrderPage
export type OrderRow = domain.OrderRow
export type ImportBatch = domain.ImportBatch
export type UndoResult = domain.UndoResult
export type ImportResult = domain.OrderImportResult
export type ImportRequest = app.ImportRequest
export type Preview = app.ImportPreview
export type PreviewItem = app.PreviewItem
export type OrderCredit = domain.OrderCredit
export type ImportedBefore = domain.ImportedBefore
export type Mapping = app.Mapping
export type CommissionFilter = domain.CommissionFilter
export type CommissionPage = domain.CommissionPage
export type CommissionLine = domain.CommissionLine
export type Total = domain.Total
export type Balance = domain.Balance
export type Adjustment = domain.Adjustment
export type CustomerFilter = domain.CustomerFilter
export type CustomerRow = domain.CustomerRow
export type CustomerPage = app.CustomerPage
export type PayoutRun = domain.PayoutRun
export type PayoutLine = domain.PayoutLine
export type CarriedLine = domain.CarriedLine
export type PortalInfo = app.PortalInfo
export type PortalRequest = domain.PortalRequest
export type Report = domain.Report
export type ReportQuery = domain.ReportQuery
export type Attention = domain.Attention
export type PartnerFigures = domain.PartnerFigures
export type SeriesPoint = domain.SeriesPoint
/** How far an import has read its file (the "import:progress" event). */
export interface Progress {
  rows: number
  bytes: number
  size: number
}

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

  orders: (q: OrderQuery) => call(Orders.List(q)),
  orderSources: (programId: number) => call(Orders.Sources(programId)),
  imports: (programId: number) => call(Orders.Imports(programId)),
  undoImport: (batch: number) => call(Orders.Undo(batch)),

  pickFile: () => call(Importer.PickFile()),
  preview: (r: ImportRequest) => call(Importer.Preview(r)),
  startImport: (r: ImportRequest) => call(Importer.Start(r)),
  cancelImport: () => call(Importer.Cancel()),
  mappingFields: () => call(Importer.MappingFields()),
  mappings: () => call(Importer.Mappings()),
  saveMapping: (m: Mapping) => call(Importer.SaveMapping(m)),

  commissions: (f: CommissionFilter) => call(Commissions.List(f)),
  balances: (programId: number, partner: string, asOf: string) => call(Commissions.Balances(programId, partner, asOf)),
  approveLines: (programId: number, ids: number[]) => call(Commissions.Approve(programId, ids)),
  rejectLines: (programId: number, ids: number[], reason: string) => call(Commissions.Reject(programId, ids, reason)),
  adjust: (programId: number, a: Adjustment) => call(Commissions.Adjust(programId, a)),
  customers: (f: CustomerFilter) => call(Commissions.Customers(f)),
  assignCustomer: (programId: number, customerId: number, partner: string, note: string) =>
    call(Commissions.Assign(programId, customerId, partner, note)),

  previewPayouts: (programId: number, asOf: string) => call(Payouts.Preview(programId, asOf)),
  /** Makes the previewed run (by its fingerprint); a conflict when it changed since. */
  runPayouts: (programId: number, asOf: string, fingerprint: string) => call(Payouts.Run(programId, asOf, fingerprint)),
  payoutRuns: (programId: number) => call(Payouts.Runs(programId)),
  openStatement: (programId: number, number: string) => call(Payouts.OpenStatement(programId, number)),
  /** A payout's statement as filed, base64-encoded, for the viewer. */
  statementPDF: (programId: number, number: string) => call(Payouts.StatementPDF(programId, number)),
  saveRun: (programId: number, runId: number) => call(Payouts.SaveRun(programId, runId)),

  outbox: (f: OutboxFilter) => call(Mail.Outbox(f)),
  mailMessage: (id: number) => call(Mail.Message(id)),
  retryMail: (id: number) => call(Mail.Retry(id)),
  sendMail: () => call(Mail.SendNow()),
  mailStatements: (programId: number, runId: number) => call(Mail.MailStatements(programId, runId)),
  mailReports: (programId: number, month: string) => call(Mail.MailReports(programId, month)),
  mailWelcome: (programId: number, key: string) => call(Mail.Welcome(programId, key)),
  readLeads: (programId: number) => call(Mail.ReadLeads(programId)),
  testMail: (to: string) => call(Mail.Test(to)),
  mailTemplate: (kind: string, lang: string) => call(Mail.Template(kind, lang)),
  saveMailTemplate: (t: MailTemplate) => call(Mail.SaveTemplate(t)),
  resetMailTemplate: (kind: string, lang: string) => call(Mail.ResetTemplate(kind, lang)),
  previewMail: (programId: number, partner: string, t: MailTemplate) => call(Mail.Preview(programId, partner, t)),

  portalAddress: () => call(Portal.Address()),
  portalInfo: (programId: number) => call(Portal.Info(programId)),
  portalLastSignIn: (programId: number, key: string) => call(Portal.LastSignIn(programId, key)),
  portalInvite: (programId: number, key: string) => call(Portal.Invite(programId, key)),
  portalRequests: (programId: number, status: string) => call(Portal.Requests(programId, status)),
  decidePortalRequest: (programId: number, id: number, approve: boolean) => call(Portal.Decide(programId, id, approve)),
  report: (q: ReportQuery) => call(Reports.Report(q)),
  attention: (programId: number) => call(Reports.Attention(programId)),

  settings: () => call(Settings.List()),
  setSetting: (key: string, value: string) => call(Settings.Set(key, value)),
  backups: () => call(Settings.Backups()),
  backupNow: () => call(Settings.BackupNow()),
  restoreBackup: (name: string) => call(Settings.Restore(name)),
  pickLogo: () => call(Settings.PickLogo()),
  useLogo: (path: string) => call(Settings.UseLogo(path)),
  logoPreview: () => call(Settings.LogoPreview()),
  openDataFolder: () => call(System.OpenDataFolder()),
}

/** listQuery builds a ListQuery with defaults. */
export function listQuery(q: Partial<ListQuery> & { program_id: number }): ListQuery {
  return app.ListQuery.createFrom({ search: '', status: '', partner: '', sort: '', desc: false, offset: 0, limit: 25, ...q })
}

/** orderQuery builds an OrderQuery with defaults. */
export function orderQuery(q: Partial<OrderQuery> & { program_id: number }): OrderQuery {
  return domain.OrderQuery.createFrom({ partner: '', source: '', status: '', from: '', to: '', search: '', sort: 'time',
    desc: true, after: '', limit: 50, ...q })
}

/** onEvent listens to a backend event (window or browser); it returns the function that stops. */
export function onEvent<T>(name: string, cb: (data: T) => void): () => void {
  const rt = (window as unknown as { runtime?: { EventsOnMultiple?: (n: string, f: (d: T) => void, max: number) => () => void } }).runtime
  if (!rt?.EventsOnMultiple) return () => {}
  return rt.EventsOnMultiple(name, cb, -1)
}

/** upload sends a file to `partnerbook ui` (a browser has no file dialog) and returns its path there. */
export async function upload(file: File): Promise<string> {
  const r = await fetch('/__pb/upload?name=' + encodeURIComponent(file.name), { method: 'POST', credentials: 'same-origin', body: file })
  const body = await r.json().catch(() => ({ message: `the upload failed (${r.status})` }))
  if (!r.ok) throw new ApiError(body.code ?? 'invalid', body.message)
  return body.path as string
}

/** The lists that export as CSV, and the filter each takes (the one its list is loaded with). */
export interface ExportFilters {
  orders: OrderQuery
  commissions: CommissionFilter
  customers: CustomerFilter
  partners: ListQuery
  leads: ListQuery
  payouts: domain.PayoutFilter
}
export type ExportList = keyof ExportFilters

const exporters: { [L in ExportList]: (f: ExportFilters[L]) => Promise<string> } = {
  orders: Exports.Orders, commissions: Exports.Commissions, customers: Exports.Customers,
  partners: Exports.Partners, leads: Exports.Leads, payouts: Exports.Payouts,
}

/** browserMode is true when the page runs in a browser (`partnerbook ui`), not the window. */
export function browserMode(): boolean {
  return !!(window as unknown as { partnerbookBrowserMode?: boolean }).partnerbookBrowserMode
}

/** exportURL is the download link of a list's CSV from `partnerbook ui` (browser mode). */
export function exportURL<L extends ExportList>(list: L, filter: ExportFilters[L]): string {
  return `/__pb/export/${list}?filter=${encodeURIComponent(JSON.stringify(filter))}`
}

/** exportCSV saves a list's CSV through the window's save dialog: the path, '' when cancelled. */
export function exportCSV<L extends ExportList>(list: L, filter: ExportFilters[L]): Promise<string> {
  return call(exporters[list](filter))
}

/** commissionFilter builds a CommissionFilter with defaults. */
export function commissionFilter(f: Partial<CommissionFilter> & { program_id: number }): CommissionFilter {
  return domain.CommissionFilter.createFrom({ partner: '', status: '', kind: '', from: '', to: '', as_of: '', limit: 50, offset: 0, ...f })
}

/** The files a payout run was saved as. */
export type RunFiles = app.SavedFiles
/** A statement written to disk (and opened, in the window). */
export type StatementFile = app.StatementFile

export type OutboxFilter = domain.OutboxFilter
export type OutMessage = domain.OutMessage
export type OutboxPage = app.OutboxPage
export type MessageView = app.MessageView
export type MailTemplate = domain.MailTemplate
export type Rendered = app.Rendered
export type Queued = app.Queued
export type Delivery = app.Delivery
export type MailCheck = app.MailCheck
export type LeadsResult = app.LeadsResult
/** How far a delivery run is (the "mail:progress" event). */
export interface MailProgress {
  done: number
  total: number
}

/** outboxFilter builds an OutboxFilter with defaults. */
export function outboxFilter(f: Partial<OutboxFilter> = {}): OutboxFilter {
  return domain.OutboxFilter.createFrom({ program_id: 0, state: '', kind: '', sort: '', desc: false, offset: 0, limit: 50, ...f })
}

/** reportQuery builds a ReportQuery with defaults (the last 30 days, buckets that suit them). */
export function reportQuery(q: Partial<ReportQuery> & { program_id: number }): ReportQuery {
  return domain.ReportQuery.createFrom({ preset: 'last_30_days', from: '', to: '', by: '', partner: '', as_of: '', ...q })
}

/**
 * onFileDrop hears files dropped on an element styled `--wails-drop-target: drop`, with their
 * paths on disk (the window only: a browser gives a dropped file's bytes, not its path). It
 * returns the function that stops listening.
 */
export function onFileDrop(cb: (paths: string[]) => void): () => void {
  const rt = (window as unknown as { runtime?: { OnFileDrop?: (f: (x: number, y: number, paths: string[]) => void, target: boolean) => void;
    OnFileDropOff?: () => void } }).runtime
  if (!rt?.OnFileDrop) return () => {}
  rt.OnFileDrop((_x, _y, paths) => cb(paths), true)
  return () => rt.OnFileDropOff?.()
}
