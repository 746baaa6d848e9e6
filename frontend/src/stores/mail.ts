import { defineStore } from 'pinia'
import { api, onEvent, outboxFilter, type Delivery, type MailCheck, type MailProgress, type MailTemplate, type MessageView, type OutMessage,
  type Queued, type Rendered } from '@/api'

/** The Mail screen: the outbox, the template editor, and mail runs with their progress. */
export const useMailStore = defineStore('mail', {
  state: () => ({
    state: '', // the outbox's state filter
    offset: 0, // the outbox's page
    sort: '', // the outbox's sort ('' is newest first)
    desc: false,
    messages: [] as OutMessage[],
    total: 0,
    open: null as MessageView | null,
    progress: null as MailProgress | null, // while a run sends
    last: null as Delivery | null,
    check: null as MailCheck | null,
    kind: 'statement',
    language: 'en',
    template: null as MailTemplate | null,
    saved: null as MailTemplate | null, // the template as stored, to tell edits
    previewPartner: '',
    preview: null as Rendered | null,
  }),
  getters: {
    dirty: (s) => !!s.template && !!s.saved && (s.template.subject !== s.saved.subject || s.template.text !== s.saved.text ||
      s.template.html !== s.saved.html),
  },
  actions: {
    async load() {
      const page = await api.outbox(outboxFilter({ state: this.state, offset: this.offset, limit: 50, sort: this.sort, desc: this.desc }))
      this.messages = page.messages
      this.total = page.total
    },
    async show(id: number) {
      this.open = await api.mailMessage(id)
    },
    /** Runs a delivery (or a mailing that delivers), following its progress events. */
    async sending<T>(work: () => Promise<T>): Promise<T> {
      this.progress = { done: 0, total: 0 }
      const off = onEvent<MailProgress>('mail:progress', (p) => { this.progress = p })
      try {
        return await work()
      } finally {
        off()
        this.progress = null
        await this.load()
      }
    },
    async sendNow() {
      this.last = await this.sending(() => api.sendMail())
      return this.last
    },
    async retry(id: number) {
      this.last = await this.sending(() => api.retryMail(id))
      return this.last
    },
    async mailStatements(programId: number, runId: number): Promise<Queued> {
      const q = await this.sending(() => api.mailStatements(programId, runId))
      this.last = q.delivery ?? null
      return q
    },
    async test(to: string) {
      this.check = await api.testMail(to)
      return this.check
    },
    async loadTemplate(kind: string, language: string) {
      this.kind = kind
      this.language = language
      this.saved = await api.mailTemplate(kind, language)
      this.template = { ...this.saved }
      this.preview = null
    },
    async saveTemplate() {
      if (!this.template) return
      this.saved = await api.saveMailTemplate(this.template)
      this.template = { ...this.saved }
    },
    async resetTemplate() {
      this.saved = await api.resetMailTemplate(this.kind, this.language)
      this.template = { ...this.saved }
    },
    /** Renders the template as edited with the chosen partner's real figures. */
    async renderPreview(programId: number) {
      if (!this.template || !this.previewPartner) return
      this.preview = await api.previewMail(programId, this.previewPartner, this.template)
    },
  },
})
