import { defineStore } from 'pinia'
import { api, listQuery, type Lead, type ListQuery } from '@/api'

/** The Leads screen: one page of leads, adding one and moving one to another status. */
export const useLeadsStore = defineStore('leads', {
  state: () => ({
    rows: [] as Lead[],
    total: 0,
    loading: false,
    query: listQuery({ program_id: 0 }) as ListQuery,
  }),
  actions: {
    async load(changes: Partial<ListQuery> = {}) {
      this.query = listQuery({ ...this.query, ...changes })
      if (!this.query.program_id) return
      this.loading = true
      try {
        const page = await api.leads(this.query)
        this.rows = page.leads
        this.total = page.total
      } finally {
        this.loading = false
      }
    },
    async add(programId: number, l: Lead) {
      const saved = await api.addLead(programId, l)
      await this.load()
      return saved
    },
    async setStatus(programId: number, id: number, status: string) {
      const saved = await api.setLeadStatus(programId, id, status)
      const i = this.rows.findIndex((r) => r.id === id)
      if (i >= 0) this.rows[i] = saved
      return saved
    },
  },
})
