import { defineStore } from 'pinia'
import { api, toApiError, type PayoutLine, type PayoutRun, type RunFiles } from '@/api'
import { fromBase64 } from '@/ui/pdfview'

/** The Payouts screen: a run is previewed (a dry run), then confirmed; past runs. */
export const usePayoutsStore = defineStore('payouts', {
  state: () => ({
    programId: 0,
    asOf: '',
    preview: null as PayoutRun | null,
    stale: false, // the run changed since the preview: it must be previewed again
    runs: [] as PayoutRun[],
    saved: null as RunFiles | null, // the files of the run saved last
    viewing: null as PayoutLine | null, // the payout whose statement the viewer shows
    pdf: null as Uint8Array | null, // its bytes
    mailReady: false, // a mail server and a sender are set: statements can be mailed
  }),
  actions: {
    async load(programId: number) {
      this.programId = programId
      const [runs, settings] = await Promise.all([api.payoutRuns(programId), api.settings()])
      this.runs = runs
      const set = (k: string) => !!settings.find((x) => x.key === k)?.value
      this.mailReady = set('smtp.host') && set('mail.from')
    },
    async previewRun(asOf: string) {
      this.asOf = asOf
      this.preview = await api.previewPayouts(this.programId, asOf)
      this.stale = false
    },
    /** Writes all of a run's files into a folder (chosen in the window); null when cancelled. */
    async saveRun(runId: number) {
      const res = await api.saveRun(this.programId, runId)
      this.saved = res.files.length ? res : null
      return this.saved
    },
    async openStatement(number: string) {
      return api.openStatement(this.programId, number)
    },
    /** Opens a payout's statement, as filed, in the viewer. */
    async view(p: PayoutLine) {
      this.pdf = fromBase64(await api.statementPDF(this.programId, p.number))
      this.viewing = p
    },
    closeViewer() {
      this.viewing = null
      this.pdf = null
    },
    /** Makes exactly the previewed run; if it changed since, the preview is marked stale. */
    async confirm() {
      if (!this.preview) return null
      let run: PayoutRun
      try {
        run = await api.runPayouts(this.programId, this.asOf, this.preview.fingerprint ?? '')
      } catch (e) {
        if (toApiError(e).code === 'conflict') this.stale = true
        throw e
      }
      this.preview = null
      await this.load(this.programId)
      return run
    },
  },
})
