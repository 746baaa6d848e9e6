// Times as people read them: in the program's time zone, labelled with it, never raw UTC text.
// The backend sends RFC 3339 ("2025-03-14T08:12:45Z"); days ("2025-03-14") are already days of
// the program and shown as they are.

/** parts of a moment in a zone, as the Intl API gives them. */
function zoned(iso: string, zone: string): Record<string, string> | null {
  const d = new Date(iso)
  if (!iso || Number.isNaN(d.getTime())) return null
  let f: Intl.DateTimeFormat
  try {
    f = new Intl.DateTimeFormat('en-GB', { timeZone: zone || 'UTC', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
  } catch {
    f = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
  }
  return Object.fromEntries(f.formatToParts(d).map((p) => [p.type, p.value]))
}

/** formatTime shows a moment in a zone as "2025-03-14 09:12" (ISO order reads the same in every language). */
export function formatTime(iso: string, zone: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso
  const p = zoned(iso, zone)
  return p ? `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}` : iso
}

/** formatDay shows the day of a moment in a zone: "2025-03-14". */
export function formatDay(iso: string, zone: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso
  const p = zoned(iso, zone)
  return p ? `${p.year}-${p.month}-${p.day}` : iso
}

/** zoneLabel names a zone for a column header: "Europe/Berlin" → "Berlin", "UTC" → "UTC". */
export function zoneLabel(zone: string): string {
  if (!zone || zone === 'UTC' || zone === 'Etc/UTC') return 'UTC'
  return zone.split('/').pop()!.replace(/_/g, ' ')
}

/** timeZones lists the zones the system knows (for the searchable zone picker). */
export function timeZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (k: string) => string[] }
  const list = intl.supportedValuesOf?.('timeZone') ?? []
  return list.includes('UTC') ? list : ['UTC', ...list]
}
