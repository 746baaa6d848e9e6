import { defineStore } from 'pinia'
import { api, listQuery } from '@/api'

/** The setting that keeps the checklist hidden once a person put it away. */
const HIDDEN = 'ui.checklist_hidden'

/** One step of setting up, ticked by what the data shows. */
export interface Step {
  id: 'company' | 'program' | 'partners' | 'import' | 'payout'
  title: string
  text: string
  done: boolean
  /** where the step is done, and the button's words */
  to: string
  action: string
}

/**
 * The first-start checklist: company details, a program, partners, a first import, a first
 * payout. Each step ticks itself from the data, so it follows the shop as it goes.
 */
export const useChecklistStore = defineStore('checklist', {
  state: () => ({ steps: [] as Step[], loaded: false, hidden: false }),
  getters: {
    left: (s) => s.steps.filter((x) => !x.done).length,
    /** shown: loaded, not hidden by the person, and something left to do */
    shown(): boolean {
      return this.loaded && !this.hidden && this.left > 0
    },
  },
  actions: {
    async load(programId: number | null) {
      const [settings, programs] = await Promise.all([api.settings(), api.programs()])
      const company = settings.some((s) => s.key === 'company.name' && s.value !== '')
      this.hidden = settings.some((s) => s.key === HIDDEN && s.value === 'true')
      let partners = false
      let imported = false
      let paid = false
      if (programId) {
        const [page, batches, runs] = await Promise.all([
          api.partners(listQuery({ program_id: programId, limit: 1 })),
          api.imports(programId),
          api.payoutRuns(programId),
        ])
        partners = page.total > 0
        imported = batches.some((b) => b.kind === 'orders' && !b.undone_at)
        paid = runs.length > 0
      }
      this.steps = [
        { id: 'company', title: 'Your company details', text: 'Statements name the company that issues them.', done: company,
          to: '/settings?group=company', action: 'Add details' },
        { id: 'program', title: 'A program', text: 'What partners earn: a share of sales, fixed amounts, tiers.', done: programs.length > 0,
          to: '/programs', action: 'Create a program' },
        { id: 'partners', title: 'Partners', text: 'The people and sites that send you customers.', done: partners,
          to: '/partners', action: 'Add partners' },
        { id: 'import', title: 'A first import', text: "Your shop's order export, so commissions can be worked out.", done: imported,
          to: '/orders?import=1', action: 'Import orders' },
        { id: 'payout', title: 'A first payout', text: 'Statements for each partner and a payment file for your bank.', done: paid,
          to: '/payouts', action: 'Go to payouts' },
      ]
      this.loaded = true
    },
    /** hide puts the checklist away (stored, so it stays away); show brings it back. */
    async hide() {
      await api.setSetting(HIDDEN, 'true')
      this.hidden = true
    },
    async show() {
      await api.setSetting(HIDDEN, 'false')
      this.hidden = false
    },
  },
})
