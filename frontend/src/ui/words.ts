// The words people read for every value the backend sends as a code: kinds, reasons, notes,
// methods and statuses, in English and German, each with a sentence saying what it means.
// A screen never shows a code itself: it asks word() and help() (or uses <EnumTag>).
import { ref } from 'vue'

/** The languages the window speaks. */
export type Lang = 'en' | 'de'

/**
 * lang is the window's language: the one chosen in Settings (ui.language), or, set to System
 * (the default), German where the system speaks German, else English.
 */
export const lang = ref<Lang>(systemLang())

/** setLanguage applies the Settings choice at once: "en", "de", or "system" (or "") for the system's. */
export function setLanguage(choice: string) {
  lang.value = choice === 'en' || choice === 'de' ? choice : systemLang()
}

export function systemLang(): Lang {
  const l = typeof navigator !== 'undefined' ? navigator.language || '' : ''
  return l.toLowerCase().startsWith('de') ? 'de' : 'en'
}

/** One value in words: its name and what it means, per language. */
interface Word {
  en: [string, string]
  de: [string, string]
}

type Table = Record<string, Word>

const w = (en: string, enHelp: string, de: string, deHelp: string): Word => ({ en: [en, enHelp], de: [de, deHelp] })

/** The words of every enum, by group. Add a value here when the backend adds one. */
export const words: Record<string, Table> = {
  lineKind: {
    sale: w('Sale', 'A share of an order credited to the partner.', 'Verkauf', 'Ein Anteil an einer Bestellung, die dem Partner gutgeschrieben wird.'),
    product: w('Product', 'A product-specific rate for a product in the order.', 'Produkt', 'Ein eigener Satz für ein Produkt der Bestellung.'),
    recurring: w('Repeat purchase', 'What a customer linked to the partner earns them when buying again.', 'Wiederkauf', 'Was ein verbundener Kunde dem Partner bei einem weiteren Kauf einbringt.'),
    second_tier: w('Second tier', "What a partner earns from the sales of a partner they recruited.", 'Zweite Stufe', 'Was ein Partner an den Verkäufen eines von ihm geworbenen Partners verdient.'),
    lead: w('Lead', 'A fixed amount for a lead that became a customer.', 'Lead', 'Ein fester Betrag für einen Lead, der Kunde wurde.'),
    adjustment: w('Adjustment', 'A correction: added by a person, or a refund after the payout.', 'Korrektur', 'Eine Korrektur: von Hand, oder eine Erstattung nach der Auszahlung.'),
  },
  lineStatus: {
    pending: w('Pending', 'Waiting for the hold days to pass (refunds may still change it).', 'Vorgemerkt', 'Wartet, bis die Haltefrist vorbei ist (Erstattungen können es noch ändern).'),
    approved: w('Approved', 'Due: the next payout run pays it.', 'Freigegeben', 'Fällig: der nächste Auszahlungslauf zahlt es aus.'),
    paid: w('Paid', 'Included in a payout.', 'Ausgezahlt', 'In einer Auszahlung enthalten.'),
    reversed: w('Reversed', 'The order was refunded or cancelled before payout; it counts for nothing.', 'Storniert', 'Die Bestellung wurde vor der Auszahlung erstattet oder storniert; zählt nicht.'),
    rejected: w('Rejected', 'Not paid, with the reason beside it.', 'Abgelehnt', 'Wird nicht gezahlt; der Grund steht daneben.'),
  },
  reason: {
    coupon: w('Coupon', "The order used the partner's discount code.", 'Gutschein', 'Die Bestellung nutzte den Rabattcode des Partners.'),
    ref: w('Referral link', "The order carries the partner's referral key.", 'Empfehlungslink', 'Die Bestellung trägt den Empfehlungsschlüssel des Partners.'),
    customer: w('Their customer', 'The customer is linked to the partner.', 'Ihr Kunde', 'Der Kunde ist dem Partner zugeordnet.'),
    lead: w('Lead', 'The customer came as a lead the partner submitted.', 'Lead', 'Der Kunde kam als Lead des Partners.'),
    signup: w('Tracked signup', 'The customer signed up after visiting through the partner\'s link.', 'Anmeldung', 'Der Kunde meldete sich nach einem Besuch über den Link des Partners an.'),
    manual: w('Assigned by hand', 'A person assigned the customer to the partner.', 'Von Hand zugeordnet', 'Eine Person hat den Kunden dem Partner zugeordnet.'),
    order: w('First order', "The customer's first credited order linked them.", 'Erste Bestellung', 'Die erste gutgeschriebene Bestellung hat den Kunden zugeordnet.'),
  },
  note: {
    self_referral: w('Own purchase', "The partner bought with their own link or code; the program doesn't pay for that.", 'Eigenkauf', 'Der Partner kaufte über den eigenen Link oder Code; das Programm zahlt dafür nicht.'),
    partner_inactive: w('Partner not active', 'The partner is pending or suspended, so the line is not paid.', 'Partner nicht aktiv', 'Der Partner ist vorgemerkt oder gesperrt; die Zeile wird nicht gezahlt.'),
  },
  method: {
    iban: w('Bank transfer', 'Paid by SEPA transfer to the partner\'s IBAN.', 'Überweisung', 'Per SEPA-Überweisung auf die IBAN des Partners.'),
    paypal: w('PayPal', "Paid to the partner's PayPal address.", 'PayPal', 'An die PayPal-Adresse des Partners.'),
    wise: w('Wise', 'Paid with a Wise batch.', 'Wise', 'Mit einer Wise-Sammelzahlung.'),
    other: w('Other', 'No bank account or PayPal address: pay it your own way.', 'Sonstige', 'Keine Bankverbindung oder PayPal-Adresse: selbst bezahlen.'),
  },
  payoutKind: {
    invoice: w('Statement', 'A self-billing invoice: what the partner is paid.', 'Gutschrift', 'Eine Gutschrift: was der Partner ausgezahlt bekommt.'),
    credit_note: w('Credit note', 'A negative balance, netted by the next payout.', 'Korrekturbeleg', 'Ein negativer Saldo, mit der nächsten Auszahlung verrechnet.'),
  },
  carryReason: {
    below_threshold: w('Below the threshold', "Less than the program's payout threshold: it waits and is paid once it reaches the threshold.", 'Unter der Auszahlungsgrenze', 'Weniger als die Auszahlungsgrenze des Programms: wird ausgezahlt, sobald die Grenze erreicht ist.'),
    no_rate: w('No exchange rate', "In another currency, and no exchange rate into the program's currency up to the run's day: import the rates, then run again.", 'Kein Wechselkurs', 'In einer anderen Währung, und kein Wechselkurs bis zum Tag des Laufs: Kurse importieren, dann erneut auszahlen.'),
    not_positive: w('Nothing to pay', "Open credit notes take the whole balance: they are netted first, and what is left is paid later.", 'Nichts auszuzahlen', 'Offene Korrekturbelege zehren den Saldo auf: sie werden zuerst verrechnet, der Rest später ausgezahlt.'),
  },
  orderStatus: {
    paid: w('Paid', 'The shop received the money.', 'Bezahlt', 'Der Shop hat das Geld erhalten.'),
    partially_refunded: w('Partly refunded', 'Part of the order was refunded; commissions shrink in proportion.', 'Teilweise erstattet', 'Ein Teil wurde erstattet; Provisionen sinken anteilig.'),
    refunded: w('Refunded', 'The whole order was refunded; it earns nothing.', 'Erstattet', 'Die ganze Bestellung wurde erstattet; sie bringt nichts ein.'),
    cancelled: w('Cancelled', 'The order was cancelled or voided; it earns nothing.', 'Storniert', 'Die Bestellung wurde storniert; sie bringt nichts ein.'),
  },
  vatTreatment: {
    domestic: w('VAT charged', 'A VAT-registered business in your country: the statement shows net, VAT and gross, and the gross is paid.', 'Mit Umsatzsteuer', 'Ein umsatzsteuerpflichtiges Unternehmen im Inland: die Gutschrift zeigt netto, Umsatzsteuer und brutto; gezahlt wird brutto.'),
    reverse_charge: w('Reverse charge', 'A VAT-registered business in another EU country: net only; the partner accounts for the VAT.', 'Reverse-Charge', 'Ein Unternehmen mit USt-IdNr. in einem anderen EU-Land: nur netto; die Steuer schuldet der Leistungsempfänger.'),
    exempt: w('Small business, no VAT', "Charges no VAT (in Germany § 19 UStG): net only, with its country's exemption note.", 'Kleinunternehmer', 'Berechnet keine Umsatzsteuer (§ 19 UStG): nur netto, mit dem Hinweis seines Landes.'),
    none: w('No VAT', 'A private person, or a business outside the EU: net only.', 'Ohne Umsatzsteuer', 'Privatperson oder Unternehmen außerhalb der EU: nur netto.'),
  },
  partnerStatus: {
    active: w('Active', 'Earns commissions.', 'Aktiv', 'Verdient Provisionen.'),
    pending: w('Pending', 'Not approved yet: sales are recorded but rejected.', 'Wartend', 'Noch nicht freigegeben: Verkäufe werden erfasst, aber abgelehnt.'),
    suspended: w('Suspended', 'Stopped: sales are recorded but rejected.', 'Gesperrt', 'Gestoppt: Verkäufe werden erfasst, aber abgelehnt.'),
  },
  leadStatus: {
    new: w('New', 'Submitted, nobody has looked at it yet.', 'Neu', 'Eingereicht, noch nicht angesehen.'),
    qualified: w('Qualified', 'Looked at and worth following up.', 'Qualifiziert', 'Angesehen und es lohnt sich nachzufassen.'),
    converted: w('Became a customer', 'The lead bought; the partner earns the lead commission.', 'Kunde geworden', 'Der Lead hat gekauft; der Partner erhält die Lead-Provision.'),
    lost: w('Lost', 'Will not become a customer.', 'Verloren', 'Wird kein Kunde.'),
  },
  programKind: {
    affiliate: w('Affiliate', 'Partners promote the shop for a share of sales.', 'Affiliate', 'Partner bewerben den Shop für einen Anteil am Umsatz.'),
    referral: w('Refer a friend', 'Customers recommend the shop to friends.', 'Kunden werben Kunden', 'Kunden empfehlen den Shop weiter.'),
    newsletter: w('Newsletter', 'Newsletters and publishers send readers.', 'Newsletter', 'Newsletter und Verlage schicken Leser.'),
  },
  mappingField: {
    order_id: w('Order number', "The shop's id of the order; an order imported again is recognised by it.", 'Bestellnummer', 'Die Nummer der Bestellung im Shop; eine erneut importierte Bestellung wird daran erkannt.'),
    time: w('Order date', 'When the order was placed; its day decides the month and the hold days.', 'Bestelldatum', 'Wann bestellt wurde; der Tag bestimmt Monat und Haltefrist.'),
    customer_email: w('Customer e-mail', 'Links the customer to their partner for repeat purchases.', 'E-Mail des Kunden', 'Verbindet den Kunden für Wiederkäufe mit seinem Partner.'),
    customer_name: w('Customer name', 'Shown beside the order.', 'Name des Kunden', 'Wird neben der Bestellung gezeigt.'),
    amount: w('Order total', 'What the customer paid.', 'Bestellsumme', 'Was der Kunde bezahlt hat.'),
    net: w('Net amount', 'After discounts, without tax and shipping; commissions on the net base use it. Empty: the total.', 'Nettobetrag', 'Nach Rabatten, ohne Steuer und Versand; Provisionen auf netto nutzen ihn. Leer: die Summe.'),
    currency: w('Currency', 'The ISO code of each order (EUR). Without this column, the currency below.', 'Währung', 'Der ISO-Code jeder Bestellung (EUR). Ohne diese Spalte die Währung oben.'),
    coupon: w('Coupon codes', 'Discount codes used; a partner\'s code credits the partner.', 'Gutscheincodes', 'Verwendete Rabattcodes; der Code eines Partners schreibt ihm gut.'),
    ref: w('Referral key', "The partner's key the order came with (?ref=).", 'Empfehlungsschlüssel', 'Der Schlüssel des Partners, mit dem die Bestellung kam (?ref=).'),
    refunded: w('Refunded amount', 'How much was paid back; the commission shrinks with it.', 'Erstatteter Betrag', 'Wie viel zurückgezahlt wurde; die Provision sinkt entsprechend.'),
    status: w('Order status', 'Cancelled or refunded orders earn nothing.', 'Bestellstatus', 'Stornierte oder erstattete Bestellungen bringen nichts.'),
    sku: w('Product SKU', 'For per-product commissions: the product of the row.', 'Artikelnummer', 'Für Provisionen je Produkt: das Produkt der Zeile.'),
    quantity: w('Quantity', 'How many of the product.', 'Menge', 'Wie viele des Produkts.'),
    price: w('Product price', 'The price of the product line.', 'Produktpreis', 'Der Preis der Produktzeile.'),
  },
  commissionBase: {
    net: w('Net: after discounts, without tax and shipping', 'Commissions are a share of the goods as sold.', 'Netto: nach Rabatten, ohne Steuer und Versand', 'Provisionen sind ein Anteil am Warenwert.'),
    total: w('Total: what the customer paid', 'Commissions are a share of the whole payment, tax and shipping included.', 'Gesamt: was der Kunde zahlte', 'Provisionen sind ein Anteil an der ganzen Zahlung, mit Steuer und Versand.'),
  },
  selfReferral: {
    reject: w('Refused: a partner buying for themselves earns nothing', 'An order by the partner with their own link or code earns no commission.', 'Abgelehnt: wer bei sich selbst kauft, verdient nichts', 'Eine Bestellung des Partners über seinen eigenen Link oder Code bringt keine Provision.'),
    allow: w('Allowed: partners earn on their own purchases', 'An order by the partner with their own link or code earns a commission as any other.', 'Erlaubt: Partner verdienen an eigenen Käufen', 'Eine Bestellung des Partners über seinen eigenen Link oder Code bringt Provision wie jede andere.'),
  },
  tierMeasure: {
    sales: w('By sales in the month', "Tiers count the partner's sales in the month.", 'Nach Verkäufen im Monat', 'Stufen zählen die Verkäufe des Partners im Monat.'),
    revenue: w('By revenue in the month', "Tiers add up the partner's revenue in the month.", 'Nach Umsatz im Monat', 'Stufen summieren den Umsatz des Partners im Monat.'),
  },
  mailKind: {
    statement: w('Statement', 'A payout statement with its PDF.', 'Gutschrift', 'Eine Auszahlungs-Gutschrift mit PDF.'),
    report: w('Monthly report', "A partner's month: sales, commissions, balance.", 'Monatsbericht', 'Der Monat eines Partners: Verkäufe, Provisionen, Saldo.'),
    welcome: w('Welcome', 'Sent to a new partner with their link and code.', 'Willkommen', 'An neue Partner mit Link und Code.'),
    test: w('Test', 'A test message from Settings.', 'Test', 'Eine Testnachricht aus den Einstellungen.'),
  },
  mailState: {
    queued: w('Waiting', 'Waiting to be sent.', 'Wartet', 'Wartet auf den Versand.'),
    sending: w('Sending', 'Being sent now.', 'Wird gesendet', 'Wird gerade gesendet.'),
    sent: w('Sent', 'The mail server accepted it.', 'Gesendet', 'Der Mailserver hat sie angenommen.'),
    failed: w('Failed', 'Not sent; the error says why. Retry when it is fixed.', 'Fehlgeschlagen', 'Nicht gesendet; der Fehler sagt warum. Danach erneut versuchen.'),
  },
  importKind: {
    orders: w('Orders', 'Orders from a shop export.', 'Bestellungen', 'Bestellungen aus einem Shop-Export.'),
    partners: w('Partners', 'A partner list.', 'Partner', 'Eine Partnerliste.'),
    leads: w('Leads', 'A list of leads.', 'Leads', 'Eine Liste von Leads.'),
    rates: w('Exchange rates', 'A table of exchange rates.', 'Wechselkurse', 'Eine Tabelle mit Wechselkursen.'),
  },
  source: {
    shopify: w('Shopify', 'An export from Shopify.', 'Shopify', 'Ein Export aus Shopify.'),
    woocommerce: w('WooCommerce', 'An export from WooCommerce.', 'WooCommerce', 'Ein Export aus WooCommerce.'),
    stripe: w('Stripe', 'An export from Stripe.', 'Stripe', 'Ein Export aus Stripe.'),
    gumroad: w('Gumroad', 'An export from Gumroad.', 'Gumroad', 'Ein Export aus Gumroad.'),
    paypal: w('PayPal', 'An export from PayPal.', 'PayPal', 'Ein Export aus PayPal.'),
    paddle: w('Paddle', 'An export from Paddle.', 'Paddle', 'Ein Export aus Paddle.'),
    generic: w('Other file', 'A file read with a saved column mapping.', 'Andere Datei', 'Eine Datei, gelesen mit einer gespeicherten Spaltenzuordnung.'),
    sync: w('Sync', 'Sent by the shop to the sync endpoint.', 'Sync', 'Vom Shop an den Sync-Endpunkt gesendet.'),
  },
  fileFormat: {
    auto: w('Recognise it', 'Partnerbook tells the format from the columns of the file.', 'Automatisch erkennen', 'Partnerbook erkennt das Format an den Spalten der Datei.'),
    shopify: w("Shopify orders", "Shopify's orders export.", 'Shopify-Bestellungen', 'Der Bestellexport von Shopify.'),
    woocommerce: w('WooCommerce Analytics', "WooCommerce's Analytics orders download.", 'WooCommerce Analytics', 'Der Bestell-Download aus WooCommerce Analytics.'),
    'woocommerce-export': w('WooCommerce order export', 'The WooCommerce order export plugin.', 'WooCommerce-Bestellexport', 'Das Bestellexport-Plugin von WooCommerce.'),
    stripe: w('Stripe payments', "Stripe's payments export.", 'Stripe-Zahlungen', 'Der Zahlungsexport von Stripe.'),
    gumroad: w('Gumroad sales', "Gumroad's sales export.", 'Gumroad-Verkäufe', 'Der Verkaufsexport von Gumroad.'),
    paypal: w('PayPal activity', "PayPal's activity download.", 'PayPal-Aktivitäten', 'Der Aktivitäten-Download von PayPal.'),
    paddle: w('Paddle transactions', "Paddle's transactions report.", 'Paddle-Transaktionen', 'Der Transaktionsbericht von Paddle.'),
    'paddle-adjustments': w('Paddle refunds', "Paddle's adjustments report: its refunds.", 'Paddle-Erstattungen', 'Der Anpassungsbericht von Paddle: seine Erstattungen.'),
    generic: w('Other CSV (choose the columns)', 'Any CSV file, read with a column mapping.', 'Andere CSV (Spalten wählen)', 'Jede CSV-Datei, gelesen mit einer Spaltenzuordnung.'),
  },
  rowKind: {
    order: w('Order', 'A sale: it becomes an order.', 'Bestellung', 'Ein Verkauf: wird zur Bestellung.'),
    refund: w('Refund', 'A refund of an order in this file or imported before.', 'Erstattung', 'Eine Erstattung einer Bestellung aus dieser Datei oder einem früheren Import.'),
    skip: w('Not a sale', 'Left out, with the reason beside it.', 'Kein Verkauf', 'Ausgelassen; der Grund steht daneben.'),
    problem: w('Problem', 'A row that cannot be read as it is.', 'Problem', 'Eine Zeile, die so nicht gelesen werden kann.'),
  },
  security: {
    none: w('None', 'Plain connection (only on a trusted network).', 'Keine', 'Unverschlüsselt (nur im vertrauten Netz).'),
    starttls: w('STARTTLS', 'Starts plain, then encrypts (usually port 587 or 143).', 'STARTTLS', 'Beginnt unverschlüsselt und verschlüsselt dann (meist Port 587 oder 143).'),
    tls: w('TLS', 'Encrypted from the start (usually port 465 or 993).', 'TLS', 'Von Anfang an verschlüsselt (meist Port 465 oder 993).'),
  },
  leadSource: {
    manual: w('Added by hand', 'Someone added it on the Leads screen.', 'Von Hand', 'Auf der Leads-Seite angelegt.'),
    import: w('Imported', 'From a leads file.', 'Importiert', 'Aus einer Lead-Datei.'),
    mail: w('From mail', 'Read from the leads folder of your mailbox.', 'Aus E-Mail', 'Aus dem Lead-Ordner des Postfachs gelesen.'),
    sync: w('From your site', 'Sent to the sync endpoint by your site.', 'Von der Website', 'Von Ihrer Website an den Sync-Endpunkt gesendet.'),
  },
  syncEvent: {
    visit: w('Visit', "Someone opened a page of your shop through a partner's link.", 'Besuch', 'Jemand hat eine Seite Ihres Shops über den Link eines Partners geöffnet.'),
    signup: w('Signup', 'A visitor signed up on your site; the partner whose link they came through is noted.', 'Anmeldung', 'Ein Besucher hat sich auf Ihrer Website angemeldet; der Partner, über dessen Link er kam, wird vermerkt.'),
    sale: w('Sale', "Your shop's server reported an order; it becomes an order here.", 'Verkauf', 'Der Server Ihres Shops hat eine Bestellung gemeldet; sie wird hier zur Bestellung.'),
    refund: w('Refund', "Your shop's server reported a refund of an order.", 'Erstattung', 'Der Server Ihres Shops hat eine Erstattung gemeldet.'),
  },
  eventState: {
    applied: w('Applied', 'Taken into the books: visits, customers and orders are updated.', 'Übernommen', 'In die Bücher übernommen: Besuche, Kunden und Bestellungen sind aktualisiert.'),
    waiting: w('Waiting', 'Received and about to be taken into the books.', 'Wartet', 'Empfangen, wird gleich übernommen.'),
    problem: w('Not applied', 'Received but not taken into the books; hover for the reason.', 'Nicht übernommen', 'Empfangen, aber nicht übernommen; der Grund steht im Hinweis.'),
  },
  keyKind: {
    publishable: w('Publishable', "Goes in the snippet on your shop's pages; works only from the allowed sites.", 'Öffentlich', 'Steht im Code-Schnipsel Ihrer Shopseiten; funktioniert nur von den erlaubten Websites.'),
    secret: w('Secret', "For your shop's server (sales and refunds); keep it out of pages.", 'Geheim', 'Für den Server Ihres Shops (Verkäufe und Erstattungen); nie in Seiten einbauen.'),
  },
  keyMode: {
    live: w('Live', 'Its events count: sales earn commissions.', 'Live', 'Seine Ereignisse zählen: Verkäufe bringen Provision.'),
    test: w('Test', 'Its events show in the install check but never earn commissions.', 'Test', 'Seine Ereignisse erscheinen in der Installationsprüfung, bringen aber nie Provision.'),
    revoked: w('Revoked', 'No longer accepted: your pages and server cannot use it any more.', 'Widerrufen', 'Wird nicht mehr angenommen: Seiten und Server können ihn nicht mehr nutzen.'),
  },
  endpointState: {
    on: w('On', 'This window receives events from your shop while it is open.', 'An', 'Dieses Fenster empfängt Ereignisse Ihres Shops, solange es offen ist.'),
    off: w('Off', 'This window receives no events; switch it on in Settings.', 'Aus', 'Dieses Fenster empfängt keine Ereignisse; in den Einstellungen einschalten.'),
    error: w('Not running', 'Switched on, but it could not start; the reason is beside it.', 'Läuft nicht', 'Eingeschaltet, konnte aber nicht starten; der Grund steht daneben.'),
  },
  pullState: {
    ok: w('Worked', 'The last pull from your server went through.', 'Erfolgreich', 'Der letzte Abruf vom Server hat geklappt.'),
    failed: w('Failed', 'The last pull from your server did not go through; the reason is below.', 'Fehlgeschlagen', 'Der letzte Abruf vom Server hat nicht geklappt; der Grund steht darunter.'),
  },
  attribution: {
    first_click: w('First click', "The first partner's link a visitor came through wins.", 'Erster Klick', 'Der Link des ersten Partners, über den ein Besucher kam, zählt.'),
    last_click: w('Last click', "The last partner's link a visitor came through wins.", 'Letzter Klick', 'Der Link des letzten Partners, über den ein Besucher kam, zählt.'),
  },
  portalField: {
    iban: w('Bank account (IBAN)', 'Payouts by bank transfer go to this IBAN once you approve it.', 'Bankkonto (IBAN)', 'Auszahlungen per Überweisung gehen nach der Freigabe an diese IBAN.'),
    paypal_email: w('PayPal address', 'Payouts by PayPal go to this address once you approve it.', 'PayPal-Adresse', 'Auszahlungen per PayPal gehen nach der Freigabe an diese Adresse.'),
  },
  language: {
    en: w('English', '', 'Englisch', ''),
    de: w('German', '', 'Deutsch', ''),
  },
}

/** humanize makes an unknown code readable: "partially_refunded" → "Partially refunded". */
export function humanize(code: string): string {
  const s = code.replace(/[_.]+/g, ' ').trim()
  return s ? s[0].toUpperCase() + s.slice(1) : ''
}

/** word is a code of a group in words, in the window's language (an unknown code humanized). */
export function word(group: string, code: string, l: Lang = lang.value): string {
  if (!code) return ''
  const entry = words[group]?.[code]
  return entry ? entry[l][0] : humanize(code)
}

/** help says what a code means ("" when the table has no sentence for it). */
export function help(group: string, code: string, l: Lang = lang.value): string {
  return words[group]?.[code]?.[l][1] ?? ''
}

/** options are a group's values as select options, in the table's order. */
export function options(group: string, l: Lang = lang.value): { label: string; value: string }[] {
  return Object.keys(words[group] ?? {}).map((k) => ({ label: word(group, k, l), value: k }))
}

/** known says whether a group's table has a code (free text, such as a person's note, has not). */
export function known(group: string, code: string): boolean {
  return !!words[group]?.[code]
}

/** wordOrText is a code in words, or the text itself when it is a person's own words. */
export function wordOrText(group: string, text: string, l: Lang = lang.value): string {
  return known(group, text) ? word(group, text, l) : text
}
