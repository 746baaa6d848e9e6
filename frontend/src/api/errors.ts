// Errors reach the screens as a stable code, a message a person can read and the problems
// behind it (each naming its field as `column`), never as a stack.

export interface Problem {
  file?: string
  row?: number
  column?: string
  value?: string
  message: string
}

export class ApiError extends Error {
  code: string
  problems: Problem[]
  constructor(code: string, message: string, problems: Problem[] = []) {
    super(message)
    this.code = code
    this.problems = problems
  }

  /** The problems of one field (a column such as "email" or "rules.sale.percent"). */
  forField(field: string): string | undefined {
    const p = this.problems.find((x) => x.column === field)
    return p?.message
  }

  /** The whole error as lines a person reads. */
  lines(): string[] {
    return [this.message, ...this.problems.map((p) => (p.column ? `${p.column}: ${p.message}` : p.message))]
  }
}

/** toApiError turns whatever a call rejected with into an ApiError. */
export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e
  if (e && typeof e === 'object' && 'message' in e) {
    const o = e as { code?: string; message: string; problems?: Problem[] }
    return new ApiError(o.code ?? 'internal', String(o.message), o.problems ?? [])
  }
  if (typeof e === 'string') {
    try {
      return toApiError(JSON.parse(e))
    } catch {
      return new ApiError('internal', e)
    }
  }
  return new ApiError('internal', 'Something went wrong: ' + String(e))
}

/** call runs a binding and rejects with an ApiError. */
export async function call<T>(p: Promise<T>): Promise<T> {
  try {
    return await p
  } catch (e) {
    throw toApiError(e)
  }
}
