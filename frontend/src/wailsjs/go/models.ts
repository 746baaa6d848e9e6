export namespace app {
	
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
	
	
	export class Setting {
	    key: string;
	    label: string;
	    value: string;
	    secret: boolean;
	    set: boolean;
	
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
	    }
	}
	

}

