// In-memory stand-ins for the Go services, for unit tests of stores and components. They keep
// the shapes of the generated models and answer errors the way the backend does.
import { app, domain } from '../../wailsjs/go/models'

export const db = {
  programs: [] as app.Program[],
  partners: new Map<number, app.Partner[]>(),
  leads: new Map<number, app.Lead[]>(),
  settings: new Map<string, string>(),
  orders: [] as domain.OrderRow[],
  batches: [] as domain.ImportBatch[],
  lines: [] as domain.CommissionLine[],
  customers: [] as domain.CustomerRow[],
  runs: [] as domain.PayoutRun[],
  outbox: [] as domain.OutMessage[],
  templates: new Map<string, domain.MailTemplate>(),
  backups: [] as { name: string; kind: string; at: string; size: number }[],
  calls: [] as string[],
}

export function reset() {
  db.programs = []
  db.partners = new Map()
  db.leads = new Map()
  db.settings = new Map()
  db.orders = []
  db.batches = []
  db.lines = []
  db.customers = []
  db.runs = []
  db.outbox = []
  db.templates = new Map()
  db.backups = []
  db.calls = []
}

export function invalid(message: string, column: string, problem: string) {
  return { code: 'invalid', message, problems: [{ column, message: problem }] }
}

export function defaults(): app.Program {
  return app.Program.createFrom({
    id: 0, name: '', kind: 'affiliate', currency: 'EUR', timezone: 'UTC', cookie_days: 30,
    attribution: 'last_click', hold_days: 30, payout_threshold: '0.00', base: 'net', self_referral: 'reject',
    rules: { sale: null, products: [], tiers: null, recurring: null, second_tier: null, lead: null },
  })
}
