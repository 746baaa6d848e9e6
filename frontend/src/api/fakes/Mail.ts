import { app, domain } from '../../wailsjs/go/models'
import { db } from './db'

// The outbox of the fake: statements queued by MailStatements, sent by SendNow (the fake's
// server accepts everything but addresses at "down.example").

function delivery(): app.Delivery {
  const d = app.Delivery.createFrom({ sent: 0, filed: 0, found: 0, failed: 0, waiting: 0, errors: [], error: '' })
  for (const m of db.outbox.filter((x) => x.state === 'queued')) {
    if (m.to.endsWith('@down.example')) {
      m.state = 'failed'
      m.error = 'the SMTP server refused the message'
      d.failed++
      d.errors.push(app.DeliveryFailed.createFrom({ id: m.id, to: m.to, error: m.error }))
    } else {
      m.state = 'sent'
      m.in_sent = true
      d.sent++
    }
  }
  return d
}

export async function Outbox(f: domain.OutboxFilter): Promise<app.OutboxPage> {
  const all = db.outbox.filter((m) => !f.state || m.state === f.state).slice().reverse()
  return app.OutboxPage.createFrom({ messages: all.slice(f.offset, f.offset + (f.limit || all.length)), total: all.length })
}
export async function Message(id: number): Promise<app.MessageView> {
  const m = db.outbox.find((x) => x.id === id)
  if (!m) throw { code: 'not_found', message: `there is no message ${id} in the outbox`, problems: [] }
  return app.MessageView.createFrom({ ...m, from: 'shop@example.org', text: `Hello ${m.partner}`, html: `<p>Hello <b>${m.partner}</b></p>`, attachments: [] })
}
export async function Retry(id: number): Promise<app.Delivery> {
  const m = db.outbox.find((x) => x.id === id)
  if (!m || m.state !== 'failed') throw { code: 'conflict', message: `message ${id} is not failed`, problems: [] }
  m.state = 'queued'
  m.to = m.to.replace('@down.example', '@example.org')
  db.calls.push(`Mail.Retry ${id}`)
  return delivery()
}
export async function SendNow(): Promise<app.Delivery> {
  db.calls.push('Mail.SendNow')
  return delivery()
}
export async function MailStatements(_p: number, runId: number): Promise<app.Queued> {
  const run = db.runs.find((r) => r.run === runId)
  if (!run) throw { code: 'not_found', message: `there is no payout run ${runId} in this program`, problems: [] }
  db.calls.push(`Mail.MailStatements ${runId}`)
  const q = app.Queued.createFrom({ dry_run: false, queued: 0, already: 0, skipped: [], messages: [] })
  for (const p of run.payouts) {
    if (db.outbox.some((m) => m.dedupe_key === `statement:${p.number}`)) {
      q.already++
      continue
    }
    const m = domain.OutMessage.createFrom({ id: db.outbox.length + 1, message_id: `m${db.outbox.length + 1}@example.org`, kind: 'statement',
      dedupe_key: `statement:${p.number}`, program_id: 1, partner: p.partner, to: p.partner === 'down' ? 'down@down.example' : `${p.partner}@example.org`,
      subject: `Your statement ${p.number}`, state: 'queued', attempts: 0, error: '', in_sent: false, created_at: '2025-05-10T10:00:00Z' })
    db.outbox.push(m)
    q.messages.push(app.QueuedMessage.createFrom({ id: m.id, partner: m.partner, to: m.to, subject: m.subject }))
    q.queued++
  }
  q.delivery = delivery()
  return q
}
export async function MailReports(): Promise<app.Queued> {
  return app.Queued.createFrom({ dry_run: false, queued: 0, already: 0, skipped: [], messages: [], delivery: delivery() })
}
export async function Welcome(_p: number, key: string): Promise<app.Queued> {
  db.calls.push(`Mail.Welcome ${key}`)
  return app.Queued.createFrom({ dry_run: false, queued: 1, already: 0, skipped: [], messages: [], delivery: delivery() })
}
export async function ReadLeads(): Promise<app.LeadsResult> {
  return app.LeadsResult.createFrom({ folder: 'Leads', messages: 0, created: 0, updated: 0, unchanged: 0, left: [] })
}
export async function Test(to: string): Promise<app.MailCheck> {
  return app.MailCheck.createFrom({ smtp: 'ok', sent_to: to || 'shop@example.org', imap: 'ok', folders: ['INBOX', 'Leads', 'Sent'],
    sent_folder_exists: true, leads_folder_exists: true, message_id: 'test@example.org' })
}
function fallback(kind: string, lang: string): domain.MailTemplate {
  return domain.MailTemplate.createFrom({ kind, language: lang, subject: `Your ${kind} from {{.Shop}}`, text: 'Hello {{.Partner}},',
    html: '<p>Hello {{.Partner}},</p>', custom: false })
}
export async function Template(kind: string, lang: string): Promise<domain.MailTemplate> {
  return db.templates.get(`${kind}.${lang}`) ?? fallback(kind, lang)
}
export async function SaveTemplate(t: domain.MailTemplate): Promise<domain.MailTemplate> {
  if ((t.subject.match(/{{/g) ?? []).length !== (t.subject.match(/}}/g) ?? []).length) {
    throw { code: 'invalid', message: 'the template does not work', problems: [{ column: 'subject', message: 'unclosed action' }] }
  }
  db.calls.push(`Mail.SaveTemplate ${t.kind}.${t.language}`)
  const saved = domain.MailTemplate.createFrom({ ...t, custom: true })
  db.templates.set(`${t.kind}.${t.language}`, saved)
  return saved
}
export async function ResetTemplate(kind: string, lang: string): Promise<domain.MailTemplate> {
  db.templates.delete(`${kind}.${lang}`)
  return fallback(kind, lang)
}
export async function Preview(_p: number, partner: string, t: domain.MailTemplate): Promise<app.Rendered> {
  const fill = (s: string) => s.replaceAll('{{.Partner}}', partner).replaceAll('{{.Shop}}', 'Linen & Co.')
  return app.Rendered.createFrom({ subject: fill(t.subject), text: fill(t.text), html: fill(t.html) })
}
