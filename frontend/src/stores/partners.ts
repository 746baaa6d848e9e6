import { defineStore } from 'pinia'
import { api, type Partner, type ListQuery } from '@/api'
import { loadPage, pagedState } from './paged'

/** The Partners screen: one page of partners, and saving one. */
export const usePartnersStore = defineStore('partners', {
  state: () => pagedState<Partner>(),
  actions: {
    async load(changes: Partial<ListQuery> = {}) {
      await loadPage(this, changes, async (q) => {
        const page = await api.partners(q)
        return { rows: page.partners, total: page.total }
      })
    },
    /** save adds (originalKey empty) or updates a partner, then reloads the page. */
    async save(programId: number, p: Partner, originalKey: string) {
      const saved = originalKey ? await api.updatePartner(programId, originalKey, p) : await api.addPartner(programId, p)
      await this.load()
      return saved
    },
  },
})
