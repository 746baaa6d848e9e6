import { defineStore } from 'pinia'
import { api, commissionFilter, type CommissionFilter, type CommissionLine, type Total } from '@/api'

/** The Commissions screen: a filtered page of lines, their totals, and bulk decisions. */
export const useCommissionsStore = defineStore('commissions', {
  state: () => ({
    rows: [] as CommissionLine[],
    count: 0,
    totals: [] as Total[],
    loading: false,
    filter: commissionFilter({ program_id: 0 }),
    selected: [] as number[],
  }),
  actions: {
    async load(changes: Partial<CommissionFilter> = {}) {
      this.filter = commissionFilter({ ...this.filter, ...changes })
      if (!this.filter.program_id) return
      this.loading = true
      try {
        const page = await api.commissions(this.filter)
        this.rows = page.lines
        this.count = page.count
        this.totals = page.totals
        this.selected = this.selected.filter((id) => page.lines.some((l) => l.id === id))
      } finally {
        this.loading = false
      }
    },
    async approve() {
      const res = await api.approveLines(this.filter.program_id, this.selected)
      this.selected = []
      await this.load()
      return res.changed
    },
    async reject(reason: string) {
      const res = await api.rejectLines(this.filter.program_id, this.selected, reason)
      this.selected = []
      await this.load()
      return res.changed
    },
  },
})
