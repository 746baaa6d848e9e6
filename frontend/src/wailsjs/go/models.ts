export namespace app {
	
	export class APIKey {
	    id: number;
	    kind: string;
	    prefix: string;
	    key: string;
	    test: boolean;
	    created: string;
	    revoked: string;
	
	    static createFrom(source: any = {}) {
	        return new APIKey(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.kind = source["kind"];
	        this.prefix = source["prefix"];
	        this.key = source["key"];
	        this.test = source["test"];
	        this.created = source["created"];
	        this.revoked = source["revoked"];
	    }
	}
	export class AttachmentInfo {
	    name: string;
	    type: string;
	    size: number;
	
	    static createFrom(source: any = {}) {
	        return new AttachmentInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.type = source["type"];
	        this.size = source["size"];
	    }
	}
	export class Backup {
	    name: string;
	    kind: string;
	    at: string;
	    size: number;
	
	    static createFrom(source: any = {}) {
	        return new Backup(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.kind = source["kind"];
	        this.at = source["at"];
	        this.size = source["size"];
	    }
	}
	export class CustomerPage {
	    rows: domain.CustomerRow[];
	    total: number;
	
	    static createFrom(source: any = {}) {
	        return new CustomerPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rows = this.convertValues(source["rows"], domain.CustomerRow);
	        this.total = source["total"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class DeliveryFailed {
	    id: number;
	    to: string;
	    error: string;
	
	    static createFrom(source: any = {}) {
	        return new DeliveryFailed(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.to = source["to"];
	        this.error = source["error"];
	    }
	}
	export class Delivery {
	    sent: number;
	    filed: number;
	    found: number;
	    failed: number;
	    waiting: number;
	    errors: DeliveryFailed[];
	    error: string;
	
	    static createFrom(source: any = {}) {
	        return new Delivery(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sent = source["sent"];
	        this.filed = source["filed"];
	        this.found = source["found"];
	        this.failed = source["failed"];
	        this.waiting = source["waiting"];
	        this.errors = this.convertValues(source["errors"], DeliveryFailed);
	        this.error = source["error"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class Endpoint {
	    enabled: boolean;
	    addr: string;
	    port: number;
	    running: boolean;
	    url: string;
	    error: string;
	
	    static createFrom(source: any = {}) {
	        return new Endpoint(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.enabled = source["enabled"];
	        this.addr = source["addr"];
	        this.port = source["port"];
	        this.running = source["running"];
	        this.url = source["url"];
	        this.error = source["error"];
	    }
	}
	export class Event {
	    id: number;
	    event_id: string;
	    type: string;
	    test: boolean;
	    received_at: string;
	    applied: boolean;
	    problem: string;
	    payload: string;
	
	    static createFrom(source: any = {}) {
	        return new Event(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.event_id = source["event_id"];
	        this.type = source["type"];
	        this.test = source["test"];
	        this.received_at = source["received_at"];
	        this.applied = source["applied"];
	        this.problem = source["problem"];
	        this.payload = source["payload"];
	    }
	}
	export class PreviewItem {
	    row: number;
	    kind: string;
	    id: string;
	    time: string;
	    customer: string;
	    currency: string;
	    total: string;
	    net: string;
	    discount_codes: string[];
	    ref_key: string;
	    lines: number;
	    refunded: string;
	    status: string;
	    message: string;
	    credit?: domain.OrderCredit;
	
	    static createFrom(source: any = {}) {
	        return new PreviewItem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.row = source["row"];
	        this.kind = source["kind"];
	        this.id = source["id"];
	        this.time = source["time"];
	        this.customer = source["customer"];
	        this.currency = source["currency"];
	        this.total = source["total"];
	        this.net = source["net"];
	        this.discount_codes = source["discount_codes"];
	        this.ref_key = source["ref_key"];
	        this.lines = source["lines"];
	        this.refunded = source["refunded"];
	        this.status = source["status"];
	        this.message = source["message"];
	        this.credit = this.convertValues(source["credit"], domain.OrderCredit);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ImportPreview {
	    file: string;
	    size: number;
	    format: string;
	    formats: string[];
	    error?: domain.Error;
	    header: string[];
	    rows: string[][];
	    items: PreviewItem[];
	    already?: domain.ImportedBefore;
	
	    static createFrom(source: any = {}) {
	        return new ImportPreview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.file = source["file"];
	        this.size = source["size"];
	        this.format = source["format"];
	        this.formats = source["formats"];
	        this.error = this.convertValues(source["error"], domain.Error);
	        this.header = source["header"];
	        this.rows = source["rows"];
	        this.items = this.convertValues(source["items"], PreviewItem);
	        this.already = this.convertValues(source["already"], domain.ImportedBefore);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Mapping {
	    name: string;
	    source: string;
	    columns: Record<string, string>;
	    time_layout: string;
	    currency: string;
	
	    static createFrom(source: any = {}) {
	        return new Mapping(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.source = source["source"];
	        this.columns = source["columns"];
	        this.time_layout = source["time_layout"];
	        this.currency = source["currency"];
	    }
	}
	export class ImportRequest {
	    program_id: number;
	    path: string;
	    format: string;
	    mapping?: Mapping;
	    dry_run: boolean;
	    skip_invalid: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ImportRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.program_id = source["program_id"];
	        this.path = source["path"];
	        this.format = source["format"];
	        this.mapping = this.convertValues(source["mapping"], Mapping);
	        this.dry_run = source["dry_run"];
	        this.skip_invalid = source["skip_invalid"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Info {
	    version: string;
	    data_dir: string;
	    programs: number;
	    offer_sample: boolean;
	    browser_mode: boolean;
	    schema: number;
	
	    static createFrom(source: any = {}) {
	        return new Info(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.version = source["version"];
	        this.data_dir = source["data_dir"];
	        this.programs = source["programs"];
	        this.offer_sample = source["offer_sample"];
	        this.browser_mode = source["browser_mode"];
	        this.schema = source["schema"];
	    }
	}
	export class Lead {
	    id: number;
	    partner: string;
	    email: string;
	    name: string;
	    status: string;
	    source: string;
	    created_at: string;
	    converted_at: string;
	
	    static createFrom(source: any = {}) {
	        return new Lead(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.partner = source["partner"];
	        this.email = source["email"];
	        this.name = source["name"];
	        this.status = source["status"];
	        this.source = source["source"];
	        this.created_at = source["created_at"];
	        this.converted_at = source["converted_at"];
	    }
	}
	export class LeadPage {
	    leads: Lead[];
	    total: number;
	
	    static createFrom(source: any = {}) {
	        return new LeadPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.leads = this.convertValues(source["leads"], Lead);
	        this.total = source["total"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class LeftMessage {
	    from: string;
	    subject: string;
	    reason: string;
	
	    static createFrom(source: any = {}) {
	        return new LeftMessage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.from = source["from"];
	        this.subject = source["subject"];
	        this.reason = source["reason"];
	    }
	}
	export class LeadsResult {
	    folder: string;
	    messages: number;
	    created: number;
	    updated: number;
	    unchanged: number;
	    left: LeftMessage[];
	
	    static createFrom(source: any = {}) {
	        return new LeadsResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.folder = source["folder"];
	        this.messages = source["messages"];
	        this.created = source["created"];
	        this.updated = source["updated"];
	        this.unchanged = source["unchanged"];
	        this.left = this.convertValues(source["left"], LeftMessage);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class ListQuery {
	    program_id: number;
	    search: string;
	    status: string;
	    partner: string;
	    sort: string;
	    desc: boolean;
	    offset: number;
	    limit: number;
	
	    static createFrom(source: any = {}) {
	        return new ListQuery(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.program_id = source["program_id"];
	        this.search = source["search"];
	        this.status = source["status"];
	        this.partner = source["partner"];
	        this.sort = source["sort"];
	        this.desc = source["desc"];
	        this.offset = source["offset"];
	        this.limit = source["limit"];
	    }
	}
	export class MailCheck {
	    smtp: string;
	    sent_to: string;
	    imap: string;
	    folders: string[];
	    sent_folder_exists: boolean;
	    leads_folder_exists: boolean;
	    message_id: string;
	
	    static createFrom(source: any = {}) {
	        return new MailCheck(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.smtp = source["smtp"];
	        this.sent_to = source["sent_to"];
	        this.imap = source["imap"];
	        this.folders = source["folders"];
	        this.sent_folder_exists = source["sent_folder_exists"];
	        this.leads_folder_exists = source["leads_folder_exists"];
	        this.message_id = source["message_id"];
	    }
	}
	
	export class MessageView {
	    id: number;
	    message_id: string;
	    kind: string;
	    dedupe_key: string;
	    program_id: number;
	    partner: string;
	    to: string;
	    subject: string;
	    state: string;
	    attempts: number;
	    error: string;
	    // Go type: time
	    next_attempt?: any;
	    // Go type: time
	    sent_at?: any;
	    in_sent: boolean;
	    // Go type: time
	    created_at: any;
	    from: string;
	    text: string;
	    html: string;
	    attachments: AttachmentInfo[];
	
	    static createFrom(source: any = {}) {
	        return new MessageView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.message_id = source["message_id"];
	        this.kind = source["kind"];
	        this.dedupe_key = source["dedupe_key"];
	        this.program_id = source["program_id"];
	        this.partner = source["partner"];
	        this.to = source["to"];
	        this.subject = source["subject"];
	        this.state = source["state"];
	        this.attempts = source["attempts"];
	        this.error = source["error"];
	        this.next_attempt = this.convertValues(source["next_attempt"], null);
	        this.sent_at = this.convertValues(source["sent_at"], null);
	        this.in_sent = source["in_sent"];
	        this.created_at = this.convertValues(source["created_at"], null);
	        this.from = source["from"];
	        this.text = source["text"];
	        this.html = source["html"];
	        this.attachments = this.convertValues(source["attachments"], AttachmentInfo);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class NewAPIKey {
	    api_key: APIKey;
	    key: string;
	
	    static createFrom(source: any = {}) {
	        return new NewAPIKey(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.api_key = this.convertValues(source["api_key"], APIKey);
	        this.key = source["key"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class OutboxPage {
	    messages: domain.OutMessage[];
	    total: number;
	
	    static createFrom(source: any = {}) {
	        return new OutboxPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.messages = this.convertValues(source["messages"], domain.OutMessage);
	        this.total = source["total"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Partner {
	    id: number;
	    name: string;
	    email: string;
	    key: string;
	    coupons: string[];
	    parent: string;
	    status: string;
	    address: string;
	    country: string;
	    vat_id: string;
	    language: string;
	    paypal_email: string;
	    iban: string;
	    vat_treatment: string;
	    vat_treatment_set: boolean;
	    created_at: string;
	
	    static createFrom(source: any = {}) {
	        return new Partner(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.email = source["email"];
	        this.key = source["key"];
	        this.coupons = source["coupons"];
	        this.parent = source["parent"];
	        this.status = source["status"];
	        this.address = source["address"];
	        this.country = source["country"];
	        this.vat_id = source["vat_id"];
	        this.language = source["language"];
	        this.paypal_email = source["paypal_email"];
	        this.iban = source["iban"];
	        this.vat_treatment = source["vat_treatment"];
	        this.vat_treatment_set = source["vat_treatment_set"];
	        this.created_at = source["created_at"];
	    }
	}
	export class PartnerPage {
	    partners: Partner[];
	    total: number;
	
	    static createFrom(source: any = {}) {
	        return new PartnerPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.partners = this.convertValues(source["partners"], Partner);
	        this.total = source["total"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Recurring {
	    percent: string;
	    fixed: string;
	    max_count: number;
	    max_months: number;
	
	    static createFrom(source: any = {}) {
	        return new Recurring(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.percent = source["percent"];
	        this.fixed = source["fixed"];
	        this.max_count = source["max_count"];
	        this.max_months = source["max_months"];
	    }
	}
	export class Tier {
	    from: string;
	    percent: string;
	    fixed: string;
	
	    static createFrom(source: any = {}) {
	        return new Tier(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.from = source["from"];
	        this.percent = source["percent"];
	        this.fixed = source["fixed"];
	    }
	}
	export class Tiers {
	    measure: string;
	    tiers: Tier[];
	
	    static createFrom(source: any = {}) {
	        return new Tiers(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.measure = source["measure"];
	        this.tiers = this.convertValues(source["tiers"], Tier);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ProductRule {
	    sku: string;
	    percent: string;
	    fixed: string;
	
	    static createFrom(source: any = {}) {
	        return new ProductRule(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sku = source["sku"];
	        this.percent = source["percent"];
	        this.fixed = source["fixed"];
	    }
	}
	export class Rate {
	    percent: string;
	    fixed: string;
	
	    static createFrom(source: any = {}) {
	        return new Rate(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.percent = source["percent"];
	        this.fixed = source["fixed"];
	    }
	}
	export class Plan {
	    sale?: Rate;
	    products: ProductRule[];
	    tiers?: Tiers;
	    recurring?: Recurring;
	    second_tier?: Rate;
	    lead?: Rate;
	
	    static createFrom(source: any = {}) {
	        return new Plan(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sale = this.convertValues(source["sale"], Rate);
	        this.products = this.convertValues(source["products"], ProductRule);
	        this.tiers = this.convertValues(source["tiers"], Tiers);
	        this.recurring = this.convertValues(source["recurring"], Recurring);
	        this.second_tier = this.convertValues(source["second_tier"], Rate);
	        this.lead = this.convertValues(source["lead"], Rate);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class PortalInfo {
	    url: string;
	    on: boolean;
	
	    static createFrom(source: any = {}) {
	        return new PortalInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.url = source["url"];
	        this.on = source["on"];
	    }
	}
	
	
	export class Program {
	    id: number;
	    name: string;
	    kind: string;
	    currency: string;
	    timezone: string;
	    cookie_days: number;
	    attribution: string;
	    hold_days: number;
	    payout_threshold: string;
	    base: string;
	    self_referral: string;
	    rules: Plan;
	    portal: string;
	    origins: string[];
	    site: string;
	    sample: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Program(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.kind = source["kind"];
	        this.currency = source["currency"];
	        this.timezone = source["timezone"];
	        this.cookie_days = source["cookie_days"];
	        this.attribution = source["attribution"];
	        this.hold_days = source["hold_days"];
	        this.payout_threshold = source["payout_threshold"];
	        this.base = source["base"];
	        this.self_referral = source["self_referral"];
	        this.rules = this.convertValues(source["rules"], Plan);
	        this.portal = source["portal"];
	        this.origins = source["origins"];
	        this.site = source["site"];
	        this.sample = source["sample"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class PullResult {
	    pushed: domain.SyncPushResult;
	    fetched: number;
	    applied: number;
	    cursor: string;
	
	    static createFrom(source: any = {}) {
	        return new PullResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.pushed = this.convertValues(source["pushed"], domain.SyncPushResult);
	        this.fetched = source["fetched"];
	        this.applied = source["applied"];
	        this.cursor = source["cursor"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class QueuedMessage {
	    id: number;
	    partner: string;
	    to: string;
	    subject: string;
	
	    static createFrom(source: any = {}) {
	        return new QueuedMessage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.partner = source["partner"];
	        this.to = source["to"];
	        this.subject = source["subject"];
	    }
	}
	export class Skip {
	    partner: string;
	    reason: string;
	
	    static createFrom(source: any = {}) {
	        return new Skip(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.partner = source["partner"];
	        this.reason = source["reason"];
	    }
	}
	export class Queued {
	    dry_run: boolean;
	    queued: number;
	    already: number;
	    skipped: Skip[];
	    messages: QueuedMessage[];
	    delivery?: Delivery;
	
	    static createFrom(source: any = {}) {
	        return new Queued(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.dry_run = source["dry_run"];
	        this.queued = source["queued"];
	        this.already = source["already"];
	        this.skipped = this.convertValues(source["skipped"], Skip);
	        this.messages = this.convertValues(source["messages"], QueuedMessage);
	        this.delivery = this.convertValues(source["delivery"], Delivery);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	
	export class Remote {
	    url: string;
	    secret_set: boolean;
	    last_pull: string;
	    ok: boolean;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new Remote(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.url = source["url"];
	        this.secret_set = source["secret_set"];
	        this.last_pull = source["last_pull"];
	        this.ok = source["ok"];
	        this.message = source["message"];
	    }
	}
	export class Rendered {
	    subject: string;
	    text: string;
	    html: string;
	
	    static createFrom(source: any = {}) {
	        return new Rendered(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.subject = source["subject"];
	        this.text = source["text"];
	        this.html = source["html"];
	    }
	}
	export class RestoreResult {
	    restored: string;
	    previous: string;
	
	    static createFrom(source: any = {}) {
	        return new RestoreResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.restored = source["restored"];
	        this.previous = source["previous"];
	    }
	}
	export class SavedFiles {
	    dir: string;
	    files: string[];
	    warnings: string[];
	
	    static createFrom(source: any = {}) {
	        return new SavedFiles(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.dir = source["dir"];
	        this.files = source["files"];
	        this.warnings = source["warnings"];
	    }
	}
	export class Setting {
	    key: string;
	    label: string;
	    value: string;
	    secret: boolean;
	    set: boolean;
	    offer?: string;
	
	    static createFrom(source: any = {}) {
	        return new Setting(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.label = source["label"];
	        this.value = source["value"];
	        this.secret = source["secret"];
	        this.set = source["set"];
	        this.offer = source["offer"];
	    }
	}
	export class SiteSetup {
	    origins: string[];
	    site: string;
	    cookie_days: number;
	    attribution: string;
	
	    static createFrom(source: any = {}) {
	        return new SiteSetup(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.origins = source["origins"];
	        this.site = source["site"];
	        this.cookie_days = source["cookie_days"];
	        this.attribution = source["attribution"];
	    }
	}
	
	export class StatementFile {
	    path: string;
	    opened: boolean;
	
	    static createFrom(source: any = {}) {
	        return new StatementFile(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.opened = source["opened"];
	    }
	}
	

}

export namespace domain {
	
	export class Adjustment {
	    partner: string;
	    amount: string;
	    currency: string;
	    comment: string;
	
	    static createFrom(source: any = {}) {
	        return new Adjustment(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.partner = source["partner"];
	        this.amount = source["amount"];
	        this.currency = source["currency"];
	        this.comment = source["comment"];
	    }
	}
	export class Attention {
	    pending_lines: number;
	    partners_pending: number;
	    leads_new: number;
	    mail_failed: number;
	    sync_stale: boolean;
	    sync_last_pull: string;
	    partners: number;
	    has_orders: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Attention(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.pending_lines = source["pending_lines"];
	        this.partners_pending = source["partners_pending"];
	        this.leads_new = source["leads_new"];
	        this.mail_failed = source["mail_failed"];
	        this.sync_stale = source["sync_stale"];
	        this.sync_last_pull = source["sync_last_pull"];
	        this.partners = source["partners"];
	        this.has_orders = source["has_orders"];
	    }
	}
	export class Balance {
	    partner: string;
	    name: string;
	    currency: string;
	    pending: string;
	    approved: string;
	    paid: string;
	    reversed: string;
	    rejected: string;
	
	    static createFrom(source: any = {}) {
	        return new Balance(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.partner = source["partner"];
	        this.name = source["name"];
	        this.currency = source["currency"];
	        this.pending = source["pending"];
	        this.approved = source["approved"];
	        this.paid = source["paid"];
	        this.reversed = source["reversed"];
	        this.rejected = source["rejected"];
	    }
	}
	export class CarriedLine {
	    partner: string;
	    name?: string;
	    currency: string;
	    amount: string;
	    reason?: string;
	    code?: string;
	    threshold?: string;
	
	    static createFrom(source: any = {}) {
	        return new CarriedLine(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.partner = source["partner"];
	        this.name = source["name"];
	        this.currency = source["currency"];
	        this.amount = source["amount"];
	        this.reason = source["reason"];
	        this.code = source["code"];
	        this.threshold = source["threshold"];
	    }
	}
	export class CommissionFilter {
	    program_id: number;
	    partner: string;
	    status: string;
	    kind: string;
	    from: string;
	    to: string;
	    as_of: string;
	    limit: number;
	    offset: number;
	
	    static createFrom(source: any = {}) {
	        return new CommissionFilter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.program_id = source["program_id"];
	        this.partner = source["partner"];
	        this.status = source["status"];
	        this.kind = source["kind"];
	        this.from = source["from"];
	        this.to = source["to"];
	        this.as_of = source["as_of"];
	        this.limit = source["limit"];
	        this.offset = source["offset"];
	    }
	}
	export class CommissionLine {
	    id: number;
	    partner: string;
	    order: string;
	    source: string;
	    kind: string;
	    reason: string;
	    status: string;
	    base: string;
	    amount: string;
	    currency: string;
	    order_time: string;
	    note: string;
	    rule: string;
	    sku: string;
	    due: string;
	    payout: string;
	    customer: string;
	    lead: string;
	    approved_by: string;
	    rejected_by: string;
	
	    static createFrom(source: any = {}) {
	        return new CommissionLine(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.partner = source["partner"];
	        this.order = source["order"];
	        this.source = source["source"];
	        this.kind = source["kind"];
	        this.reason = source["reason"];
	        this.status = source["status"];
	        this.base = source["base"];
	        this.amount = source["amount"];
	        this.currency = source["currency"];
	        this.order_time = source["order_time"];
	        this.note = source["note"];
	        this.rule = source["rule"];
	        this.sku = source["sku"];
	        this.due = source["due"];
	        this.payout = source["payout"];
	        this.customer = source["customer"];
	        this.lead = source["lead"];
	        this.approved_by = source["approved_by"];
	        this.rejected_by = source["rejected_by"];
	    }
	}
	export class Total {
	    status: string;
	    currency: string;
	    amount: string;
	    lines: number;
	
	    static createFrom(source: any = {}) {
	        return new Total(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.status = source["status"];
	        this.currency = source["currency"];
	        this.amount = source["amount"];
	        this.lines = source["lines"];
	    }
	}
	export class CommissionPage {
	    lines: CommissionLine[];
	    count: number;
	    totals: Total[];
	
	    static createFrom(source: any = {}) {
	        return new CommissionPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.lines = this.convertValues(source["lines"], CommissionLine);
	        this.count = source["count"];
	        this.totals = this.convertValues(source["totals"], Total);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class CurrencyFigures {
	    currency: string;
	    orders: number;
	    revenue: string;
	    commissions: string;
	    refunded: string;
	
	    static createFrom(source: any = {}) {
	        return new CurrencyFigures(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.currency = source["currency"];
	        this.orders = source["orders"];
	        this.revenue = source["revenue"];
	        this.commissions = source["commissions"];
	        this.refunded = source["refunded"];
	    }
	}
	export class CustomerFilter {
	    program_id: number;
	    partner: string;
	    search: string;
	    limit: number;
	    offset: number;
	
	    static createFrom(source: any = {}) {
	        return new CustomerFilter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.program_id = source["program_id"];
	        this.partner = source["partner"];
	        this.search = source["search"];
	        this.limit = source["limit"];
	        this.offset = source["offset"];
	    }
	}
	export class CustomerRow {
	    id: number;
	    email: string;
	    name: string;
	    partner: string;
	    reason: string;
	    linked_at: string;
	    orders: number;
	    first_order: string;
	
	    static createFrom(source: any = {}) {
	        return new CustomerRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.email = source["email"];
	        this.name = source["name"];
	        this.partner = source["partner"];
	        this.reason = source["reason"];
	        this.linked_at = source["linked_at"];
	        this.orders = source["orders"];
	        this.first_order = source["first_order"];
	    }
	}
	export class Problem {
	    file?: string;
	    row?: number;
	    column?: string;
	    value?: string;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new Problem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.file = source["file"];
	        this.row = source["row"];
	        this.column = source["column"];
	        this.value = source["value"];
	        this.message = source["message"];
	    }
	}
	export class Error {
	    code: string;
	    message: string;
	    problems?: Problem[];
	    more?: number;
	
	    static createFrom(source: any = {}) {
	        return new Error(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.message = source["message"];
	        this.problems = this.convertValues(source["problems"], Problem);
	        this.more = source["more"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Figures {
	    orders: number;
	    revenue: string;
	    new_customers: number;
	    repeat_orders: number;
	    commissions: string;
	    pending: string;
	    owed: string;
	    due: string;
	    paid: string;
	    refunded: string;
	    refund_rate: string;
	    visits: number;
	    signups: number;
	    pending_lines: number;
	
	    static createFrom(source: any = {}) {
	        return new Figures(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.orders = source["orders"];
	        this.revenue = source["revenue"];
	        this.new_customers = source["new_customers"];
	        this.repeat_orders = source["repeat_orders"];
	        this.commissions = source["commissions"];
	        this.pending = source["pending"];
	        this.owed = source["owed"];
	        this.due = source["due"];
	        this.paid = source["paid"];
	        this.refunded = source["refunded"];
	        this.refund_rate = source["refund_rate"];
	        this.visits = source["visits"];
	        this.signups = source["signups"];
	        this.pending_lines = source["pending_lines"];
	    }
	}
	export class Funnel {
	    tracked: boolean;
	    visits: number;
	    signups: number;
	    customers: number;
	    sales: number;
	    signup_rate: string;
	    customer_rate: string;
	    visit_to_sale: string;
	    median_to_sale: string;
	    median_to_sale_seconds: number;
	    timed_sales: number;
	
	    static createFrom(source: any = {}) {
	        return new Funnel(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.tracked = source["tracked"];
	        this.visits = source["visits"];
	        this.signups = source["signups"];
	        this.customers = source["customers"];
	        this.sales = source["sales"];
	        this.signup_rate = source["signup_rate"];
	        this.customer_rate = source["customer_rate"];
	        this.visit_to_sale = source["visit_to_sale"];
	        this.median_to_sale = source["median_to_sale"];
	        this.median_to_sale_seconds = source["median_to_sale_seconds"];
	        this.timed_sales = source["timed_sales"];
	    }
	}
	export class ImportBatch {
	    id: number;
	    kind: string;
	    format: string;
	    file: string;
	    hash: string;
	    rows: number;
	    created: number;
	    updated: number;
	    unchanged: number;
	    skipped: number;
	    actor: string;
	    at: string;
	    undone_at?: string;
	    undoable: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ImportBatch(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.kind = source["kind"];
	        this.format = source["format"];
	        this.file = source["file"];
	        this.hash = source["hash"];
	        this.rows = source["rows"];
	        this.created = source["created"];
	        this.updated = source["updated"];
	        this.unchanged = source["unchanged"];
	        this.skipped = source["skipped"];
	        this.actor = source["actor"];
	        this.at = source["at"];
	        this.undone_at = source["undone_at"];
	        this.undoable = source["undoable"];
	    }
	}
	export class ImportedBefore {
	    batch: number;
	    file: string;
	    at: string;
	    later: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ImportedBefore(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.batch = source["batch"];
	        this.file = source["file"];
	        this.at = source["at"];
	        this.later = source["later"];
	    }
	}
	export class LineAction {
	    changed: number;
	
	    static createFrom(source: any = {}) {
	        return new LineAction(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.changed = source["changed"];
	    }
	}
	export class LineCounts {
	    created: number;
	    changed: number;
	
	    static createFrom(source: any = {}) {
	        return new LineCounts(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.created = source["created"];
	        this.changed = source["changed"];
	    }
	}
	export class MailTemplate {
	    kind: string;
	    language: string;
	    subject: string;
	    text: string;
	    html: string;
	    custom: boolean;
	
	    static createFrom(source: any = {}) {
	        return new MailTemplate(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.language = source["language"];
	        this.subject = source["subject"];
	        this.text = source["text"];
	        this.html = source["html"];
	        this.custom = source["custom"];
	    }
	}
	export class OrderCredit {
	    row: number;
	    order: string;
	    partner: string;
	    partner_name: string;
	    reason: string;
	    code: string;
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new OrderCredit(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.row = source["row"];
	        this.order = source["order"];
	        this.partner = source["partner"];
	        this.partner_name = source["partner_name"];
	        this.reason = source["reason"];
	        this.code = source["code"];
	        this.note = source["note"];
	    }
	}
	export class Skip {
	    row: number;
	    reason: string;
	
	    static createFrom(source: any = {}) {
	        return new Skip(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.row = source["row"];
	        this.reason = source["reason"];
	    }
	}
	export class OrderImportResult {
	    batch: number;
	    format: string;
	    rows: number;
	    orders: number;
	    created: number;
	    updated: number;
	    unchanged: number;
	    skipped: number;
	    refunds: number;
	    lines: LineCounts;
	    credits?: OrderCredit[];
	    dry_run: boolean;
	    errors: Problem[];
	    skips: Skip[];
	
	    static createFrom(source: any = {}) {
	        return new OrderImportResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.batch = source["batch"];
	        this.format = source["format"];
	        this.rows = source["rows"];
	        this.orders = source["orders"];
	        this.created = source["created"];
	        this.updated = source["updated"];
	        this.unchanged = source["unchanged"];
	        this.skipped = source["skipped"];
	        this.refunds = source["refunds"];
	        this.lines = this.convertValues(source["lines"], LineCounts);
	        this.credits = this.convertValues(source["credits"], OrderCredit);
	        this.dry_run = source["dry_run"];
	        this.errors = this.convertValues(source["errors"], Problem);
	        this.skips = this.convertValues(source["skips"], Skip);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class OrderRow {
	    source: string;
	    id: string;
	    time: string;
	    customer: string;
	    currency: string;
	    total: string;
	    base: string;
	    refunded: string;
	    status: string;
	    partner: string;
	    reason: string;
	
	    static createFrom(source: any = {}) {
	        return new OrderRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.source = source["source"];
	        this.id = source["id"];
	        this.time = source["time"];
	        this.customer = source["customer"];
	        this.currency = source["currency"];
	        this.total = source["total"];
	        this.base = source["base"];
	        this.refunded = source["refunded"];
	        this.status = source["status"];
	        this.partner = source["partner"];
	        this.reason = source["reason"];
	    }
	}
	export class OrderPage {
	    orders: OrderRow[];
	    next: string;
	
	    static createFrom(source: any = {}) {
	        return new OrderPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.orders = this.convertValues(source["orders"], OrderRow);
	        this.next = source["next"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class OrderQuery {
	    program_id: number;
	    partner: string;
	    source: string;
	    status: string;
	    from: string;
	    to: string;
	    search: string;
	    sort: string;
	    desc: boolean;
	    after: string;
	    limit: number;
	
	    static createFrom(source: any = {}) {
	        return new OrderQuery(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.program_id = source["program_id"];
	        this.partner = source["partner"];
	        this.source = source["source"];
	        this.status = source["status"];
	        this.from = source["from"];
	        this.to = source["to"];
	        this.search = source["search"];
	        this.sort = source["sort"];
	        this.desc = source["desc"];
	        this.after = source["after"];
	        this.limit = source["limit"];
	    }
	}
	
	export class OutMessage {
	    id: number;
	    message_id: string;
	    kind: string;
	    dedupe_key: string;
	    program_id: number;
	    partner: string;
	    to: string;
	    subject: string;
	    state: string;
	    attempts: number;
	    error: string;
	    // Go type: time
	    next_attempt?: any;
	    // Go type: time
	    sent_at?: any;
	    in_sent: boolean;
	    // Go type: time
	    created_at: any;
	
	    static createFrom(source: any = {}) {
	        return new OutMessage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.message_id = source["message_id"];
	        this.kind = source["kind"];
	        this.dedupe_key = source["dedupe_key"];
	        this.program_id = source["program_id"];
	        this.partner = source["partner"];
	        this.to = source["to"];
	        this.subject = source["subject"];
	        this.state = source["state"];
	        this.attempts = source["attempts"];
	        this.error = source["error"];
	        this.next_attempt = this.convertValues(source["next_attempt"], null);
	        this.sent_at = this.convertValues(source["sent_at"], null);
	        this.in_sent = source["in_sent"];
	        this.created_at = this.convertValues(source["created_at"], null);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class OutboxFilter {
	    program_id: number;
	    state: string;
	    kind: string;
	    offset: number;
	    limit: number;
	    sort: string;
	    desc: boolean;
	
	    static createFrom(source: any = {}) {
	        return new OutboxFilter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.program_id = source["program_id"];
	        this.state = source["state"];
	        this.kind = source["kind"];
	        this.offset = source["offset"];
	        this.limit = source["limit"];
	        this.sort = source["sort"];
	        this.desc = source["desc"];
	    }
	}
	export class PartnerFigures {
	    partner: string;
	    name: string;
	    orders: number;
	    revenue: string;
	    new_customers: number;
	    commissions: string;
	    owed: string;
	    refunded: string;
	    refund_rate: string;
	    visits: number;
	    signups: number;
	    earnings_per_visit: string;
	
	    static createFrom(source: any = {}) {
	        return new PartnerFigures(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.partner = source["partner"];
	        this.name = source["name"];
	        this.orders = source["orders"];
	        this.revenue = source["revenue"];
	        this.new_customers = source["new_customers"];
	        this.commissions = source["commissions"];
	        this.owed = source["owed"];
	        this.refunded = source["refunded"];
	        this.refund_rate = source["refund_rate"];
	        this.visits = source["visits"];
	        this.signups = source["signups"];
	        this.earnings_per_visit = source["earnings_per_visit"];
	    }
	}
	export class PayoutFilter {
	    program_id: number;
	    partner: string;
	    run: number;
	
	    static createFrom(source: any = {}) {
	        return new PayoutFilter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.program_id = source["program_id"];
	        this.partner = source["partner"];
	        this.run = source["run"];
	    }
	}
	export class PayoutLine {
	    number: string;
	    partner: string;
	    name?: string;
	    currency: string;
	    amount: string;
	    net: string;
	    vat_rate: string;
	    vat: string;
	    vat_treatment: string;
	    lines: number;
	    method?: string;
	    kind: string;
	    run?: number;
	    at?: string;
	
	    static createFrom(source: any = {}) {
	        return new PayoutLine(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.number = source["number"];
	        this.partner = source["partner"];
	        this.name = source["name"];
	        this.currency = source["currency"];
	        this.amount = source["amount"];
	        this.net = source["net"];
	        this.vat_rate = source["vat_rate"];
	        this.vat = source["vat"];
	        this.vat_treatment = source["vat_treatment"];
	        this.lines = source["lines"];
	        this.method = source["method"];
	        this.kind = source["kind"];
	        this.run = source["run"];
	        this.at = source["at"];
	    }
	}
	export class PayoutRun {
	    run: number;
	    as_of: string;
	    dry_run: boolean;
	    payouts: PayoutLine[];
	    carried: CarriedLine[];
	    warnings: string[];
	    fingerprint?: string;
	    missing?: string[];
	    at?: string;
	    actor?: string;
	
	    static createFrom(source: any = {}) {
	        return new PayoutRun(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.run = source["run"];
	        this.as_of = source["as_of"];
	        this.dry_run = source["dry_run"];
	        this.payouts = this.convertValues(source["payouts"], PayoutLine);
	        this.carried = this.convertValues(source["carried"], CarriedLine);
	        this.warnings = source["warnings"];
	        this.fingerprint = source["fingerprint"];
	        this.missing = source["missing"];
	        this.at = source["at"];
	        this.actor = source["actor"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class PortalRequest {
	    id: number;
	    partner: string;
	    name: string;
	    field: string;
	    value: string;
	    status: string;
	    created_at: string;
	    decided_at: string;
	    decided_by: string;
	
	    static createFrom(source: any = {}) {
	        return new PortalRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.partner = source["partner"];
	        this.name = source["name"];
	        this.field = source["field"];
	        this.value = source["value"];
	        this.status = source["status"];
	        this.created_at = source["created_at"];
	        this.decided_at = source["decided_at"];
	        this.decided_by = source["decided_by"];
	    }
	}
	export class PreviousFigures {
	    from: string;
	    to: string;
	    orders: number;
	    revenue: string;
	    new_customers: number;
	    commissions: string;
	    refunded: string;
	    refund_rate: string;
	
	    static createFrom(source: any = {}) {
	        return new PreviousFigures(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.from = source["from"];
	        this.to = source["to"];
	        this.orders = source["orders"];
	        this.revenue = source["revenue"];
	        this.new_customers = source["new_customers"];
	        this.commissions = source["commissions"];
	        this.refunded = source["refunded"];
	        this.refund_rate = source["refund_rate"];
	    }
	}
	
	export class SeriesPoint {
	    period: string;
	    orders: number;
	    revenue: string;
	    commissions: string;
	    new_customers: number;
	
	    static createFrom(source: any = {}) {
	        return new SeriesPoint(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.period = source["period"];
	        this.orders = source["orders"];
	        this.revenue = source["revenue"];
	        this.commissions = source["commissions"];
	        this.new_customers = source["new_customers"];
	    }
	}
	export class Report {
	    program: string;
	    currency: string;
	    from: string;
	    to: string;
	    by: string;
	    as_of: string;
	    partner?: string;
	    totals: Figures;
	    partners: PartnerFigures[];
	    series: SeriesPoint[];
	    previous: PreviousFigures;
	    other_currencies: CurrencyFigures[];
	    funnel: Funnel;
	
	    static createFrom(source: any = {}) {
	        return new Report(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.program = source["program"];
	        this.currency = source["currency"];
	        this.from = source["from"];
	        this.to = source["to"];
	        this.by = source["by"];
	        this.as_of = source["as_of"];
	        this.partner = source["partner"];
	        this.totals = this.convertValues(source["totals"], Figures);
	        this.partners = this.convertValues(source["partners"], PartnerFigures);
	        this.series = this.convertValues(source["series"], SeriesPoint);
	        this.previous = this.convertValues(source["previous"], PreviousFigures);
	        this.other_currencies = this.convertValues(source["other_currencies"], CurrencyFigures);
	        this.funnel = this.convertValues(source["funnel"], Funnel);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ReportQuery {
	    program_id: number;
	    preset: string;
	    from: string;
	    to: string;
	    by: string;
	    partner: string;
	    as_of: string;
	
	    static createFrom(source: any = {}) {
	        return new ReportQuery(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.program_id = source["program_id"];
	        this.preset = source["preset"];
	        this.from = source["from"];
	        this.to = source["to"];
	        this.by = source["by"];
	        this.partner = source["partner"];
	        this.as_of = source["as_of"];
	    }
	}
	
	
	export class SyncPushResult {
	    programs: number;
	    partners: number;
	    keys: number;
	    portal_partners: number;
	    portal_lines: number;
	    portal_payouts: number;
	    portal_statements: number;
	
	    static createFrom(source: any = {}) {
	        return new SyncPushResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.programs = source["programs"];
	        this.partners = source["partners"];
	        this.keys = source["keys"];
	        this.portal_partners = source["portal_partners"];
	        this.portal_lines = source["portal_lines"];
	        this.portal_payouts = source["portal_payouts"];
	        this.portal_statements = source["portal_statements"];
	    }
	}
	
	export class UndoResult {
	    batch: number;
	    orders_removed: number;
	    orders_restored: number;
	    refunds_removed: number;
	    customers_removed: number;
	    commission_lines_removed: number;
	
	    static createFrom(source: any = {}) {
	        return new UndoResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.batch = source["batch"];
	        this.orders_removed = source["orders_removed"];
	        this.orders_restored = source["orders_restored"];
	        this.refunds_removed = source["refunds_removed"];
	        this.customers_removed = source["customers_removed"];
	        this.commission_lines_removed = source["commission_lines_removed"];
	    }
	}

}

