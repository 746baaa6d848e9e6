// Mail templates as people read them. The editor shows "[Partner's name]" where the template
// language says "{{.Partner}}", and the parts that choose or repeat text as readable blocks:
// "[If a credit note] … [Otherwise] … [End]", "[For each order] … [End]". The two are turned
// into each other exactly, so what is saved is the template the backend runs; what the editor
// does not know stays as it is.

/** A placeholder: the field of the template's figures and its name for people. */
export interface Placeholder {
  field: string
  label: string
  kinds: string[] // the e-mails it has a value in; [] for all
  /** the template text it stands for; default {{.field}} */
  code?: string
  /** a block word (If…, Otherwise, End): not offered as a value to insert */
  block?: boolean
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
  { field: 'OrderCount', label: 'Number of orders', kinds: ['report'], code: '{{len .Orders}}' },
  { field: 'Coupons', label: "Partner's coupons", kinds: ['report', 'welcome'], code: '{{range $i, $c := .Coupons}}{{if $i}}, {{end}}{{$c}}{{end}}' },
  { field: 'Portal', label: 'Portal address', kinds: ['welcome'] },
  // Inside [For each order]: that order's figures.
  { field: 'Day', label: 'Order day', kinds: ['report'] },
  { field: 'Order', label: 'Order number', kinds: ['report'] },
  { field: 'Total', label: 'Order total', kinds: ['report'] },
  { field: 'Commission', label: 'Order commission', kinds: ['report'] },
  // Inside [For each link]: that link.
  { field: 'Link', label: 'The link', kinds: ['report', 'welcome'], code: '{{.}}' },
  // Blocks: text shown only when something holds, or once for each of a list.
  { field: 'IfCredit', label: 'If a credit note', kinds: ['statement'], code: '{{if .Credit}}', block: true },
  { field: 'IfOrders', label: 'If there are orders', kinds: ['report'], code: '{{if .Orders}}', block: true },
  { field: 'IfCoupons', label: 'If the partner has coupons', kinds: ['report', 'welcome'], code: '{{if .Coupons}}', block: true },
  { field: 'IfPortal', label: 'If the portal is on', kinds: ['welcome'], code: '{{if .Portal}}', block: true },
  { field: 'EachOrder', label: 'For each order', kinds: ['report'], code: '{{range .Orders}}', block: true },
  { field: 'EachLink', label: 'For each link', kinds: ['report', 'welcome'], code: '{{range .Links}}', block: true },
  { field: 'Else', label: 'Otherwise', kinds: [], code: '{{else}}', block: true },
  { field: 'End', label: 'End', kinds: [], code: '{{end}}', block: true },
]

const codeOf = (p: Placeholder) => p.code ?? `{{.${p.field}}}`
// Longest first: the coupons' list holds {{if $i}}, {{end}} and {{$c}} of its own.
const byCode = [...placeholders].sort((a, b) => codeOf(b).length - codeOf(a).length)
const byLabel = new Map(placeholders.map((p) => [p.label.toLowerCase(), p]))

/** forKind lists the placeholders an e-mail of a kind can use (values, then blocks). */
export const forKind = (kind: string) => placeholders.filter((p) => !p.kinds.length || p.kinds.includes(kind))

/** friendly writes the template language in words: "{{.Partner}}" as "[Partner's name]". */
export function friendly(raw: string): string {
  let out = ''
  for (let i = 0; i < raw.length;) {
    const p = raw.startsWith('{{', i) ? byCode.find((x) => raw.startsWith(codeOf(x), i)) : undefined
    if (p) {
      out += token(p)
      i += codeOf(p).length
    } else {
      out += raw[i++]
    }
  }
  return out
}

/** toTemplate writes "[Partner's name]" back as "{{.Partner}}"; other brackets stay. */
export function toTemplate(text: string): string {
  return text.replace(/\[([^\][\n]+)\]/g, (m, l: string) => {
    const p = byLabel.get(l.toLowerCase())
    return p ? codeOf(p) : m
  })
}

/** token is what inserting a placeholder types. */
export const token = (p: Placeholder) => `[${p.label}]`

/** advanced says whether a text uses more of the template language than the editor's words. */
export const advanced = (text: string) => /\{\{/.test(friendly(text))
