import { defineStore } from 'pinia'
import { api, toApiError, type PayoutRun, type RunFiles } from '@/api'

/** The Payouts screen: a run is previewed (a dry run), then confirmed; past runs. */
export const usePayoutsStore = defineStore('payouts', {
  state: () => ({
    programId: 0,
    asOf: '',
    preview: null as PayoutRun | null,
    stale: false, // the run changed since the preview: it must be previewed again
    runs: [] as PayoutRun[],
    saved: null as RunFiles | null, // the files of the run saved last
    previewOf: '', // the payout whose page 1 is shown
    previewImage: '',
  }),
  actions: {
    async load(programId: number) {
      this.programId = programId
      this.runs = await api.payoutRuns(programId)
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
    async showPage(number: string) {
      this.previewImage = await api.statementPreview(this.programId, number)
      this.previewOf = number
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
