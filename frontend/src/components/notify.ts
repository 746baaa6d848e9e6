import { useMessage } from 'naive-ui'
import { toApiError } from '@/api'

/** useNotify shows outcomes as toasts: errors as the readable message the backend gave. */
export function useNotify() {
  const message = useMessage()
  return {
    ok: (text: string) => message.success(text),
    text: (e: unknown) => toApiError(e).lines().join('\n'),
    error: (e: unknown) => message.error(toApiError(e).lines().join(' · '), { duration: 8000, closable: true }),
    /** run awaits fn and shows its error, if any; it returns whether fn succeeded. */
    async run(fn: () => Promise<unknown>): Promise<boolean> {
      try {
        await fn()
        return true
      } catch (e) {
        message.error(toApiError(e).lines().join(' · '), { duration: 8000, closable: true })
        return false
      }
    },
  }
}
