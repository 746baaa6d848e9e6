import { defineStore } from 'pinia'
import { api, type Lead, type ListQuery } from '@/api'
import { loadPage, pagedState } from './paged'

/** The Leads screen: one page of leads, adding one and moving one to another status. */
export const useLeadsStore = defineStore('leads', {
  state: () => pagedState<Lead>(),
  actions: {
    async load(changes: Partial<ListQuery> = {}) {
      await loadPage(this, changes, async (q) => {
        const page = await api.leads(q)
        return { rows: page.leads, total: page.total }
      })
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
