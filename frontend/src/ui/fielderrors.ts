// Errors of a form: each problem under the field it names, a sentence at the button, and both
// gone as soon as the person changes the field (or, for an error of no field, anything).
import { computed, ref, watch, type Ref } from 'vue'
import { toApiError, type ApiError } from '@/api'

const snapshot = (o: object) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, JSON.stringify(v)]))

/** useFieldErrors watches a form's fields and drops the problems of the fields changed since. */
export function useFieldErrors<T extends object>(form: Ref<T>) {
  const error = ref<ApiError | null>(null)
  let before: Record<string, string> = {}
  function set(e: unknown) {
    error.value = toApiError(e)
    before = snapshot(form.value)
  }
  function clear() {
    error.value = null
  }
  watch(form, () => {
    if (!error.value) return
    const now = snapshot(form.value)
    const changed = Object.keys(now).filter((k) => now[k] !== before[k])
    if (!changed.length) return
    before = now
    const left = error.value.problems.filter((p) => !changed.includes(p.column ?? ''))
    if (!left.length) error.value = null
    else error.value.problems = left
  }, { deep: true })
  /** the problem of a field, as a sentence */
  const fe = (field: string) => sentence(error.value?.forField(field))
  const status = (field: string) => (fe(field) ? ('error' as const) : undefined)
  /** what the button says: the message and every problem, in sentences */
  const summary = computed(() => {
    const e = error.value
    if (!e) return ''
    const lines = e.problems.map((p) => sentence(p.message))
    return [sentence(e.message), ...lines].join(' ')
  })
  return { error, set, clear, fe, status, summary }
}

/** sentence starts a message with a capital and ends it with a full stop. */
export function sentence(m?: string): string {
  if (!m) return ''
  const s = m.trim()
  return s[0].toUpperCase() + s.slice(1) + (/[.!?]$/.test(s) ? '' : '.')
}
