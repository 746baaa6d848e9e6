import { defineStore } from 'pinia'
import { api, listQuery, type Partner, type ListQuery } from '@/api'

/** The Partners screen: one page of partners, and saving one. */
export const usePartnersStore = defineStore('partners', {
  state: () => ({
    rows: [] as Partner[],
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
        const page = await api.partners(this.query)
        this.rows = page.partners
        this.total = page.total
      } finally {
        this.loading = false
      }
    },
    /** save adds (originalKey empty) or updates a partner, then reloads the page. */
    async save(programId: number, p: Partner, originalKey: string) {
      const saved = originalKey ? await api.updatePartner(programId, originalKey, p) : await api.addPartner(programId, p)
      await this.load()
      return saved
    },
  },
})
