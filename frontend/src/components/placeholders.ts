// Mail template placeholders as people name them. The editor shows "[Partner's name]" where
// the template language says "{{.Partner}}"; the two are turned into each other exactly, so
// what is saved is the template the backend runs. Lists and conditions stay as they are.

/** A placeholder: the field of the template's figures and its name for people. */
export interface Placeholder {
  field: string
  label: string
  kinds: string[] // the e-mails it has a value in; [] for all
}

export const placeholders: Placeholder[] = [
  { field: 'Partner', label: "Partner's name", kinds: [] },
  { field: 'Key', label: "Partner's key", kinds: [] },
  { field: 'Email', label: "Partner's e-mail", kinds: [] },
  { field: 'Shop', label: 'Shop name', kinds: [] },
  { field: 'ShopEmail', label: 'Shop e-mail', kinds: [] },
  { field: 'Number', label: 'Statement number', kinds: ['statement'] },
  { field: 'Amount', label: 'Amount', kinds: ['statement'] },
  { field: 'Period', label: 'Period', kinds: ['statement'] },
  { field: 'Month', label: 'Month', kinds: ['report'] },
  { field: 'Sales', label: 'Sales of the month', kinds: ['report'] },
  { field: 'Earned', label: 'Earned in the month', kinds: ['report'] },
  { field: 'Balance', label: 'Balance due', kinds: ['report'] },
  { field: 'Pending', label: 'Still on hold', kinds: ['report'] },
  { field: 'Currency', label: 'Currency', kinds: ['report'] },
]

const byField = new Map(placeholders.map((p) => [p.field, p]))
const byLabel = new Map(placeholders.map((p) => [p.label.toLowerCase(), p]))

/** forKind lists the placeholders an e-mail of a kind can use. */
export const forKind = (kind: string) => placeholders.filter((p) => !p.kinds.length || p.kinds.includes(kind))

/** friendly writes "{{.Partner}}" as "[Partner's name]"; other template text stays. */
export function friendly(raw: string): string {
  return raw.replace(/\{\{\s*\.(\w+)\s*\}\}/g, (m, f: string) => (byField.has(f) ? `[${byField.get(f)!.label}]` : m))
}

/** toTemplate writes "[Partner's name]" back as "{{.Partner}}"; other brackets stay. */
export function toTemplate(text: string): string {
  return text.replace(/\[([^\][\n]+)\]/g, (m, l: string) => (byLabel.has(l.toLowerCase()) ? `{{.${byLabel.get(l.toLowerCase())!.field}}}` : m))
}

/** token is what inserting a placeholder types. */
export const token = (p: Placeholder) => `[${p.label}]`

/** advanced says whether a text uses more of the template language than placeholders. */
export const advanced = (text: string) => /\{\{/.test(friendly(text))
