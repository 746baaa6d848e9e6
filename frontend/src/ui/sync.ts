// The Sync screen's words that are not a table of codes: the outcome of a pull from the
// headless server (kept by the backend as a sentence for the command line, where it names the
// settings and the HTTP answer) said as a person reads it in the window, and which field of the
// sites form a problem belongs to.
import { sentence } from './fielderrors'
import { plural } from './plural'

const rewrites: [RegExp, string | ((...m: string[]) => string)][] = [
  // the setting keys: the window's fields are named on screen, the keys are the command line's
  [/no headless server is set: set sync\.remote \(its URL\) and sync\.key \(its link secret\) first/, 'no server is linked yet: fill in its URL and link secret, then save the link'],
  [/\s*\(setting sync\.(?:key|remote)\)/g, ''],
  [/it is what `partnerbook init --server` printed on the server/, 'it was shown once when the server was set up'],
  // how the network failed, in Go's words: what to check instead
  [/the server cannot be reached:.*$/s, 'the server cannot be reached: check its URL and that it is running'],
  [/the server's answer (?:was cut short|is not what Partnerbook expects):.*$/s, 'the server answered something Partnerbook cannot read: is the URL that of a Partnerbook server?'],
  // an HTTP status: what it means, not its number
  [/the server answered (\d{3})[^:]*:\s*(.*)$/s, (_, code, rest) => {
    const what = code === '404' ? 'the server does not know this address: is the URL that of a Partnerbook server?'
      : code.startsWith('5') ? 'the server had a problem of its own' : 'the server turned the request down'
    return rest.trim() ? `${what} (${rest.trim()})` : what
  }],
  // counts: "3 event(s)" → "3 events"
  [/(\d+) (\w+)\(s\)/g, (_, n, noun) => plural(Number(n), noun)],
]

/** pullMessage says how the last pull went, without setting keys, status codes or Go's words. */
export function pullMessage(m: string): string {
  let s = m
  for (const [re, to] of rewrites) s = s.replace(re, to as string)
  return sentence(s)
}

/** siteField is the field of the sites form a problem names ("origins[2]" → "origins"). */
export const siteField = (column: string) => column.replace(/\[\d+\]$/, '')

/** endpointMessage says why the window's endpoint does not run, without Go's network words. */
export function endpointMessage(m: string): string {
  const at = m.match(/cannot listen on (\S+?):\s/)
  if (!at) return sentence(m)
  const port = at[1].split(':').pop()
  if (/address already in use/.test(m)) return `Another program already uses port ${port}: choose another port in Settings.`
  if (/permission denied/.test(m)) return `This computer does not let Partnerbook use port ${port}: choose a port above 1024 in Settings.`
  return `The endpoint cannot listen on ${at[1]}: check the address and port in Settings.`
}
