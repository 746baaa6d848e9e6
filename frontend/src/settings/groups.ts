// The Settings screen's groups, as a person thinks of them. To add a setting to the window, add
// one line to a group's fields: its key (never shown), its label, how it is edited, an example.
// A setting the backend knows but no group lists still shows, under "More".

/** How a setting is edited. */
export type FieldKind = 'text' | 'lines' | 'email' | 'url' | 'country' | 'language' | 'port' | 'security' | 'password' | 'logo' | 'switch' | 'select' | 'rate'

/** One setting on the screen. */
export interface Field {
  key: string
  label: string
  kind?: FieldKind
  /** an example of a value, shown while the field is empty */
  placeholder?: string
  /** a sentence under the field */
  help?: string
  /** choices of a select, or the common ports of a port field */
  options?: { label: string; value: string }[]
}

/** A part of a group with a title of its own (Mail: sending, then mailbox). */
export interface Section {
  title?: string
  text?: string
  fields: Field[]
}

/** A group: one tab, saved with one button. */
export interface Group {
  id: string
  title: string
  text: string
  sections: Section[]
  /** a group drawn by its own component rather than fields */
  panel?: 'backups' | 'about' | 'portal'
  /** the mail group offers to check the connection */
  check?: boolean
}

const ports = (...ps: [string, string][]) => ps.map(([value, label]) => ({ value, label: `${value} (${label})` }))

export const groups: Group[] = [
  {
    id: 'company', title: 'Company',
    text: 'Who issues the statements: this appears on every statement and in the mail partners receive.',
    sections: [{ fields: [
      { key: 'company.name', label: 'Company name', placeholder: 'Kaffeerösterei Muster GmbH' },
      { key: 'company.address', label: 'Address', kind: 'lines', placeholder: 'Hauptstraße 1\n10115 Berlin', help: 'As it should be printed, one line per line.' },
      { key: 'company.country', label: 'Country', kind: 'country' },
      { key: 'company.vat_id', label: 'VAT id', placeholder: 'DE123456789', help: 'Printed on statements; leave empty if you have none.' },
      { key: 'company.vat_rate', label: 'VAT rate (%)', kind: 'rate', help: 'Charged on the statements of partners with VAT in your country. Empty: the standard rate of your country. Each payout run keeps the rate it used.' },
      { key: 'company.logo', label: 'Logo', kind: 'logo', help: 'A PNG or JPEG file, shown at the top of statements.' },
      { key: 'company.website', label: 'Shop website', kind: 'url', placeholder: 'https://shop.example.com', help: "Partners' links are this address with ?ref= and their key." },
      { key: 'company.language', label: 'Summary language', help: 'The language of the run summary a payout run writes.', kind: 'language' },
    ] }],
  },
  {
    id: 'payments', title: 'Payments',
    text: 'The account payouts are paid from: the bank file for SEPA transfers needs it.',
    sections: [{ fields: [
      { key: 'company.iban', label: 'IBAN', placeholder: 'DE89 3704 0044 0532 0130 00', help: 'The account SEPA transfers to partners are paid from.' },
      { key: 'company.bic', label: 'BIC', placeholder: 'COBADEFFXXX', help: 'Optional within the SEPA area.' },
    ] }],
  },
  {
    id: 'mail', title: 'Mail', check: true,
    text: 'Statements, monthly reports and welcome mails go out through your own mail account.',
    sections: [
      { title: 'Sending', fields: [
        { key: 'mail.from', label: 'From address', kind: 'email', placeholder: 'partners@shop.example.com' },
        { key: 'mail.reply_to', label: 'Replies go to', kind: 'email', placeholder: 'hello@shop.example.com', help: 'Optional; replies go to the From address without it.' },
        { key: 'smtp.host', label: 'Outgoing server', placeholder: 'smtp.example.com' },
        { key: 'smtp.port', label: 'Port', kind: 'port', options: ports(['587', 'STARTTLS'], ['465', 'TLS'], ['25', 'plain'], ['2525', 'alternative']) },
        { key: 'smtp.security', label: 'Security', kind: 'security' },
        { key: 'smtp.user', label: 'User name', placeholder: 'partners@shop.example.com' },
        { key: 'smtp.password', label: 'Password', kind: 'password' },
      ] },
      { title: 'Mailbox', text: 'Optional: a copy of each message in your Sent folder, and leads read from a folder.', fields: [
        { key: 'imap.host', label: 'Incoming server', placeholder: 'imap.example.com' },
        { key: 'imap.port', label: 'Port', kind: 'port', options: ports(['993', 'TLS'], ['143', 'STARTTLS']) },
        { key: 'imap.security', label: 'Security', kind: 'security' },
        { key: 'imap.user', label: 'User name', placeholder: 'partners@shop.example.com' },
        { key: 'imap.password', label: 'Password', kind: 'password' },
        { key: 'imap.sent_folder', label: 'Sent folder', placeholder: 'Sent' },
        { key: 'imap.leads_folder', label: 'Leads folder', placeholder: 'Leads', help: 'Mails in this folder become leads when you read leads on the Leads screen.' },
      ] },
    ],
  },
  {
    id: 'sync', title: 'Sync',
    text: 'The sync endpoint receives visits, signups and sales from your shop while Partnerbook is open; a server of your own can collect them when it is closed.',
    sections: [
      { fields: [
        { key: 'sync.enabled', label: 'Sync endpoint on', kind: 'switch', help: 'Only while this window is open.' },
        { key: 'sync.addr', label: 'Listen on address', placeholder: '127.0.0.1' },
        { key: 'sync.port', label: 'Port', kind: 'port', options: ports(['8787', 'default']) },
      ] },
      { title: 'Your own server', text: 'A Partnerbook running on a small server collects events day and night; this window pulls them.', fields: [
        { key: 'sync.remote', label: 'Server address', kind: 'url', placeholder: 'https://track.shop.example.com' },
        { key: 'sync.key', label: 'Link secret', kind: 'password', help: 'Printed once when the server was set up.' },
      ] },
    ],
  },
  {
    id: 'portal', title: 'Partner portal', panel: 'portal',
    text: 'Partners sign in with their e-mail address and see their own figures, lines and statements. Each program turns it on in its settings.',
    sections: [{ fields: [
      { key: 'portal.url', label: 'Portal address', kind: 'url', placeholder: 'https://partners.shop.example.com/portal/',
        help: "The address partners reach it at; empty: the sync endpoint's, with /portal/." },
    ] }],
  },
  {
    id: 'window', title: 'Language',
    text: 'The language Partnerbook itself speaks: names of statuses, kinds and reasons, and how numbers are written.',
    sections: [{ fields: [
      { key: 'ui.language', label: 'Language of the window', kind: 'select', placeholder: 'System',
        options: [{ label: 'System', value: 'system' }, { label: 'English', value: 'en' }, { label: 'Deutsch', value: 'de' }],
        help: 'System follows the language your computer is set to. Applies at once; statements and e-mails to partners use each partner\'s own language.' },
    ] }],
  },
  { id: 'backups', title: 'Backups', text: 'Partnerbook keeps a copy of its data every day. Make one now, or go back to an earlier one.', sections: [], panel: 'backups' },
  { id: 'about', title: 'About', text: '', sections: [], panel: 'about' },
]

/** keysInGroups are all keys some group lists. */
export const keysInGroups = new Set(groups.flatMap((g) => g.sections.flatMap((s) => s.fields.map((f) => f.key))))

/** hiddenKey says whether a setting is the window's own (never shown, unless a group lists it). */
export const hiddenKey = (key: string) => key.startsWith('ui.') && !keysInGroups.has(key)
