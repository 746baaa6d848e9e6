// The keyboard shortcuts of the window: "g" then a letter goes to a screen, "/" searches the
// list on screen, "i" imports orders, "?" lists them all.

/** The screens "g" then a letter goes to. */
export const goKeys: Record<string, string> = {
  d: '/', r: '/programs', p: '/partners', u: '/customers', l: '/leads', o: '/orders', c: '/commissions', y: '/payouts', m: '/mail', s: '/settings',
}

/** The list the shortcut dialog shows. */
export const shortcutList = [
  ...Object.entries(goKeys).map(([k, path]) => ({ keys: ['g', k], what: `Go to ${path === '/' ? 'Dashboard' : path.slice(1)[0].toUpperCase() + path.slice(2)}` })),
  { keys: ['/'], what: 'Search the list on screen' },
  { keys: ['i'], what: 'Import orders' },
  { keys: ['↑', '↓'], what: 'Move between the rows of a table; Enter opens one' },
  { keys: ['?'], what: 'Show this list' },
]

/** typing says whether a key went to a field (where shortcuts must not fire). */
export function typing(e: KeyboardEvent): boolean {
  const t = e.target as HTMLElement | null
  if (!t) return false
  return t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName)
}

/**
 * shortcutHandler turns keys into actions; "g" waits a second for the screen's letter.
 * It returns the keydown listener.
 */
export function shortcutHandler(act: { go: (path: string) => void; search: () => void; importOrders: () => void; help: () => void }) {
  let pendingG = 0
  return (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey || typing(e)) return
    if (pendingG && Date.now() - pendingG < 1000 && goKeys[e.key]) {
      pendingG = 0
      e.preventDefault()
      act.go(goKeys[e.key])
      return
    }
    pendingG = 0
    if (e.key === 'g') pendingG = Date.now()
    else if (e.key === '/') {
      e.preventDefault()
      act.search()
    } else if (e.key === 'i') act.importOrders()
    else if (e.key === '?') act.help()
  }
}
