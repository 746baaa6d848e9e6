import { defineStore } from 'pinia'
import { api, orderQuery, type ImportBatch, type OrderQuery, type OrderRow } from '@/api'

/**
 * The Orders screen: keyset pages of orders (the store remembers the cursor of each page it
 * has been to, so Previous goes back without counting a million rows), and the import history.
 */
let fetches = 0

export const useOrdersStore = defineStore('orders', {
  state: () => ({
    rows: [] as OrderRow[],
    next: '',
    cursors: [] as string[], // the `after` of every page before this one
    loading: false,
    query: orderQuery({ program_id: 0 }),
    sources: [] as string[],
    history: [] as ImportBatch[],
  }),
  getters: {
    page: (s) => s.cursors.length + 1,
  },
  actions: {
    /** load applies filter or sort changes and shows their first page. */
    async load(changes: Partial<OrderQuery> = {}) {
      this.query = orderQuery({ ...this.query, ...changes, after: '' })
      this.cursors = []
      await this.fetch()
    },
    async nextPage() {
      if (!this.next) return
      this.cursors.push(this.query.after)
      this.query = orderQuery({ ...this.query, after: this.next })
      await this.fetch()
    },
    async prevPage() {
      if (!this.cursors.length) return
      this.query = orderQuery({ ...this.query, after: this.cursors.pop()! })
      await this.fetch()
    },
    async fetch() {
      if (!this.query.program_id) return
      // Only the newest request is shown: a reload started earlier (after an import, say)
      // that answers after a search must not put the unfiltered rows back.
      const mine = ++fetches
      this.loading = true
      try {
        const page = await api.orders(this.query)
        if (mine !== fetches) return
        this.rows = page.orders
        this.next = page.next
      } finally {
        if (mine === fetches) this.loading = false
      }
    },
    async loadHistory() {
      if (!this.query.program_id) return
      const [history, sources] = await Promise.all([api.imports(this.query.program_id), api.orderSources(this.query.program_id)])
      this.history = history
      this.sources = sources
    },
    /** undo takes an import back and refreshes both lists. */
    async undo(batch: number) {
      const res = await api.undoImport(batch)
      await Promise.all([this.load(), this.loadHistory()])
      return res
    },
  },
})
