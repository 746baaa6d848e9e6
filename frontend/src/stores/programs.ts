import { defineStore } from 'pinia'
import { api, type Info, type Program } from '@/api'
import { setLanguage } from '@/ui/words'

const CURRENT = 'partnerbook.program'

/** The app shell's state: start-up facts, the programs, and which one is being worked on. */
export const useProgramsStore = defineStore('programs', {
  state: () => ({
    info: null as Info | null,
    programs: [] as Program[],
    currentId: Number(localStorage.getItem(CURRENT) ?? 0),
    loaded: false,
  }),
  getters: {
    current(state): Program | undefined {
      return state.programs.find((p) => p.id === state.currentId)
    },
  },
  actions: {
    async load() {
      const [info, programs, settings] = await Promise.all([api.info(), api.programs(), api.settings()])
      setLanguage(settings.find((s) => s.key === 'ui.language')?.value ?? '')
      this.info = info
      this.programs = programs
      if (!this.current && programs.length > 0) this.select(programs[0].id)
      this.loaded = true
    },
    select(id: number) {
      this.currentId = id
      localStorage.setItem(CURRENT, String(id))
    },
    async create(p: Program) {
      const created = await api.createProgram(p)
      this.programs = await api.programs()
      this.select(created.id)
      return created
    },
    async update(p: Program) {
      const saved = await api.updateProgram(p)
      this.programs = await api.programs()
      return saved
    },
    async createSample() {
      const p = await api.createSample()
      await this.load()
      this.select(p.id)
      return p
    },
    async declineSample() {
      await api.declineSample()
      if (this.info) this.info.offer_sample = false
    },
  },
})
