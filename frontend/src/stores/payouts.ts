import { defineStore } from 'pinia'
import { api, type PayoutRun } from '@/api'

/** The Payouts screen: a run is previewed (a dry run), then confirmed; past runs. */
export const usePayoutsStore = defineStore('payouts', {
  state: () => ({
    programId: 0,
    asOf: '',
    preview: null as PayoutRun | null,
    runs: [] as PayoutRun[],
  }),
  actions: {
    async load(programId: number) {
      this.programId = programId
      this.runs = await api.payoutRuns(programId)
    },
    async previewRun(asOf: string) {
      this.asOf = asOf
      this.preview = await api.previewPayouts(this.programId, asOf)
    },
    async confirm() {
      if (!this.preview) return null
      const run = await api.runPayouts(this.programId, this.asOf)
      this.preview = null
      await this.load(this.programId)
      return run
    },
  },
})
