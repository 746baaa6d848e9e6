// Errors of a form: each problem under the field it names, a sentence at the button, and both
// gone as soon as the person changes the field (or, for an error of no field, anything).
// Fields are paths as the backend names them: "email", "rules.sale.percent", "rules.tiers.tiers[1].from".
import { computed, ref, watch, type Ref } from 'vue'
import { ApiError, toApiError } from '@/api'

/** flatten lists the leaves of a form as paths ("rules.sale.percent", "coupons[0]") with their JSON. */
export function flatten(v: unknown, path = '', out: Record<string, string> = {}): Record<string, string> {
  if (Array.isArray(v)) {
    out[path] = `[${v.length}]`
    v.forEach((x, i) => flatten(x, `${path}[${i}]`, out))
  } else if (v && typeof v === 'object') {
    const entries = Object.entries(v)
    if (!entries.length && path) out[path] = '{}'
    for (const [k, x] of entries) flatten(x, path ? `${path}.${k}` : k, out)
  } else if (path) out[path] = JSON.stringify(v ?? null)
  return out
}

/** within says whether path a is b or lies inside it ("rules.sale.percent" within "rules.sale"). */
export const within = (a: string, b: string) => a === b || (a.startsWith(b) && (a[b.length] === '.' || a[b.length] === '['))

export interface FieldErrorOptions {
  /** the backend's names for a field where the form calls it otherwise: { partner_key: 'partner' } */
  alias?: Record<string, string>
  /** a field's label, to name it in the sentence at the button */
  labels?: Record<string, string>
}

/**
 * useFieldErrors watches a form's fields (a ref or a getter of an object) and drops the problems
 * of the fields changed since the error came: a problem goes when its field, a field inside it
 * or the part it lies in changes.
 */
export function useFieldErrors<T extends object>(form: Ref<T> | (() => T), opts: FieldErrorOptions = {}) {
  const error = ref<ApiError | null>(null)
  const read = () => (typeof form === 'function' ? form() : form.value)
  let before: Record<string, string> = {}
  function set(e: unknown) {
    const err = toApiError(e)
    error.value = new ApiError(err.code, err.message, err.problems.map((p) => (p.column && opts.alias?.[p.column] ? { ...p, column: opts.alias[p.column] } : p)))
    before = flatten(read())
  }
  function clear() {
    error.value = null
  }
  watch(read, () => {
    if (!error.value) return
    const now = flatten(read())
    const changed = [...new Set([...Object.keys(now), ...Object.keys(before)])].filter((k) => now[k] !== before[k])
    if (!changed.length) return
    before = now
    const left = error.value.problems.filter((p) => !changed.some((c) => within(c, p.column ?? '') || within(p.column ?? '', c)))
    // a new error, not a change inside it: an Error is never made reactive, so the screen would not follow
    error.value = left.length ? new ApiError(error.value.code, error.value.message, left) : null
  }, { deep: true })
  /** the problem of a field, as a sentence */
  const fe = (field: string) => sentence(error.value?.forField(field))
  /** the problems of a field and of every field inside it, as sentences ("rules.sale": its percent and fixed too) */
  const under = (field: string) => (error.value?.problems ?? []).filter((p) => p.column && within(p.column, field)).map((p) => sentence(p.message)).join(' ')
  const status = (field: string) => (fe(field) ? ('error' as const) : undefined)
  /** what the button says: the message and every problem, in sentences, each named by its label where one is known */
  const summary = computed(() => {
    const e = error.value
    if (!e) return ''
    const lines = e.problems.map((p) => {
      const label = p.column ? labelOf(p.column, opts.labels) : ''
      return label ? `${label}: ${sentence(p.message)}` : sentence(p.message)
    })
    return [sentence(e.message), ...lines].join(' ')
  })
  return { error, set, clear, fe, under, status, summary }
}

// The label of the nearest field a problem lies in that has one.
function labelOf(column: string, labels?: Record<string, string>): string {
  if (!labels) return ''
  const best = Object.keys(labels).filter((k) => within(column, k)).sort((a, b) => b.length - a.length)[0]
  return best ? labels[best] : ''
}

/** sentence starts a message with a capital and ends it with a full stop. */
export function sentence(m?: string): string {
  if (!m) return ''
  const s = m.trim()
  return s[0].toUpperCase() + s.slice(1) + (/[.!?]$/.test(s) ? '' : '.')
}
