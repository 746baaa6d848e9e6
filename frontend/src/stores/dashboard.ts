import { defineStore } from 'pinia'
import { api, reportQuery, type Attention, type Report } from '@/api'

/** The periods the picker offers, as the backend names them. */
export const presets = [
  { value: 'last_30_days', label: 'Last 30 days' },
  { value: 'this_month', label: 'This month' },
  { value: 'last_month', label: 'Last month' },
  { value: 'this_year', label: 'This year' },
  { value: 'custom', label: 'Custom' },
]

/** The Dashboard: the report of a period against the one before, and what needs attention. */
export const useDashboardStore = defineStore('dashboard', {
  state: () => ({
    programId: 0,
    preset: 'last_30_days',
    from: '',
    to: '',
    report: null as Report | null,
    attention: null as Attention | null,
    loading: false,
  }),
  getters: {
    /** empty: nothing to report yet, so the dashboard shows the next step instead of zeros. */
    empty: (s) => !!s.attention && !s.attention.has_orders,
    tracked: (s) => !!s.report?.funnel.tracked,
  },
  actions: {
    async load(programId: number) {
      this.programId = programId
      if (!programId) return
      this.loading = true
      try {
        const custom = this.preset === 'custom'
        const [r, a] = await Promise.all([
          api.report(reportQuery({ program_id: programId, preset: custom ? '' : this.preset, from: custom ? this.from : '', to: custom ? this.to : '' })),
          api.attention(programId),
        ])
        this.report = r
        this.attention = a
        if (!custom) {
          this.from = r.from
          this.to = r.to
        }
      } finally {
        this.loading = false
      }
    },
    async choose(preset: string) {
      this.preset = preset
      if (preset !== 'custom') await this.load(this.programId)
    },
    async custom(from: string, to: string) {
      this.preset = 'custom'
      this.from = from
      this.to = to
      await this.load(this.programId)
    },
  },
})
