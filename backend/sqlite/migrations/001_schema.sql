-- The whole product's schema. Money is INTEGER minor units of the row's currency, never REAL.
-- Times are RFC 3339 UTC text. Nothing a person did is deleted: rows change status instead.

CREATE TABLE programs (
    id               INTEGER PRIMARY KEY,
    name             TEXT NOT NULL COLLATE NOCASE UNIQUE,
    kind             TEXT NOT NULL DEFAULT 'affiliate' CHECK (kind IN ('affiliate','referral','newsletter')),
    currency         TEXT NOT NULL DEFAULT 'EUR',
    timezone         TEXT NOT NULL DEFAULT 'UTC',
    cookie_days      INTEGER NOT NULL DEFAULT 30,
    attribution      TEXT NOT NULL DEFAULT 'last_click' CHECK (attribution IN ('last_click','first_click')),
    hold_days        INTEGER NOT NULL DEFAULT 30,
    payout_threshold INTEGER NOT NULL DEFAULT 0,   -- minor units of currency
    base             TEXT NOT NULL DEFAULT 'net' CHECK (base IN ('net','total')),
    self_referral    TEXT NOT NULL DEFAULT 'reject' CHECK (self_referral IN ('reject','allow')),
    rules            TEXT NOT NULL DEFAULT '{}',   -- the plan of commissions.md, JSON
    allowed_origins  TEXT NOT NULL DEFAULT '[]',   -- sync: origins allowed to use publishable keys
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);

CREATE TABLE partners (
    id           INTEGER PRIMARY KEY,
    program_id   INTEGER NOT NULL REFERENCES programs(id),
    name         TEXT NOT NULL,
    email        TEXT NOT NULL,
    key          TEXT NOT NULL,
    parent_id    INTEGER REFERENCES partners(id),
    status       TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','pending','suspended')),
    address      TEXT NOT NULL DEFAULT '',
    country      TEXT NOT NULL DEFAULT '',
    vat_id       TEXT NOT NULL DEFAULT '',
    language     TEXT NOT NULL DEFAULT 'en',
    paypal_email TEXT NOT NULL DEFAULT '',
    iban         TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    UNIQUE (program_id, key COLLATE NOCASE)
);
CREATE INDEX partners_parent ON partners(parent_id);
CREATE INDEX partners_email ON partners(program_id, email);

CREATE TABLE coupons (
    id         INTEGER PRIMARY KEY,
    program_id INTEGER NOT NULL REFERENCES programs(id),
    partner_id INTEGER NOT NULL REFERENCES partners(id),
    code       TEXT NOT NULL,
    UNIQUE (program_id, code COLLATE NOCASE)
);
CREATE INDEX coupons_partner ON coupons(partner_id);

CREATE TABLE customers (
    id            INTEGER PRIMARY KEY,
    program_id    INTEGER NOT NULL REFERENCES programs(id),
    email         TEXT NOT NULL DEFAULT '',  -- trimmed, lower case; '' when unknown
    source        TEXT NOT NULL DEFAULT '',  -- for customers known only by a source's id
    source_ref    TEXT NOT NULL DEFAULT '',
    name          TEXT NOT NULL DEFAULT '',
    partner_id    INTEGER REFERENCES partners(id),
    link_reason   TEXT NOT NULL DEFAULT '' CHECK (link_reason IN ('','signup','lead','manual','order')),
    linked_at     TEXT,
    created_at    TEXT NOT NULL
);
CREATE UNIQUE INDEX customers_email ON customers(program_id, email) WHERE email <> '';
CREATE UNIQUE INDEX customers_ref ON customers(program_id, source, source_ref) WHERE email = '';
CREATE INDEX customers_partner ON customers(partner_id);

CREATE TABLE leads (
    id           INTEGER PRIMARY KEY,
    program_id   INTEGER NOT NULL REFERENCES programs(id),
    partner_id   INTEGER NOT NULL REFERENCES partners(id),
    email        TEXT NOT NULL,
    name         TEXT NOT NULL DEFAULT '',
    status       TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new','qualified','converted','lost')),
    source       TEXT NOT NULL DEFAULT 'manual',
    customer_id  INTEGER REFERENCES customers(id),
    created_at   TEXT NOT NULL,
    converted_at TEXT,
    UNIQUE (program_id, email)
);
CREATE INDEX leads_partner ON leads(partner_id);

CREATE TABLE import_batches (
    id         INTEGER PRIMARY KEY,
    program_id INTEGER NOT NULL REFERENCES programs(id),
    kind       TEXT NOT NULL CHECK (kind IN ('orders','partners','leads','rates','sync')),
    format     TEXT NOT NULL DEFAULT '',
    file_name  TEXT NOT NULL DEFAULT '',
    file_hash  TEXT NOT NULL DEFAULT '',
    rows       INTEGER NOT NULL DEFAULT 0,
    created    INTEGER NOT NULL DEFAULT 0,
    updated    INTEGER NOT NULL DEFAULT 0,
    unchanged  INTEGER NOT NULL DEFAULT 0,
    skipped    INTEGER NOT NULL DEFAULT 0,
    actor      TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    undone_at  TEXT
);

-- What a batch changed, so that it can be undone: the row as it was before (NULL: created).
CREATE TABLE batch_changes (
    id        INTEGER PRIMARY KEY,
    batch_id  INTEGER NOT NULL REFERENCES import_batches(id),
    entity    TEXT NOT NULL,
    entity_id INTEGER NOT NULL,
    before    TEXT
);
CREATE INDEX batch_changes_batch ON batch_changes(batch_id);

CREATE TABLE orders (
    id             INTEGER PRIMARY KEY,
    program_id     INTEGER NOT NULL REFERENCES programs(id),
    source         TEXT NOT NULL,
    order_key      TEXT NOT NULL,             -- the source's order id
    time           TEXT NOT NULL,             -- UTC
    customer_id    INTEGER REFERENCES customers(id),
    customer_email TEXT NOT NULL DEFAULT '',
    customer_ref   TEXT NOT NULL DEFAULT '',
    customer_name  TEXT NOT NULL DEFAULT '',
    currency       TEXT NOT NULL,
    total          INTEGER NOT NULL,          -- minor units
    net            INTEGER NOT NULL,          -- minor units: after discounts, without tax and shipping
    discount       INTEGER NOT NULL DEFAULT 0,
    discount_codes TEXT NOT NULL DEFAULT '',  -- joined by ','
    ref_key        TEXT NOT NULL DEFAULT '',
    refunded       INTEGER NOT NULL DEFAULT 0,
    refunded_at    TEXT,
    cancelled      INTEGER NOT NULL DEFAULT 0,
    status         TEXT NOT NULL DEFAULT 'paid',
    recurring      INTEGER NOT NULL DEFAULT 0, -- the source marks it a renewal
    partner_id     INTEGER REFERENCES partners(id),
    reason         TEXT NOT NULL DEFAULT '' CHECK (reason IN ('','coupon','ref','customer','lead')),
    batch_id       INTEGER REFERENCES import_batches(id),
    updated_batch  INTEGER REFERENCES import_batches(id),
    fingerprint    TEXT NOT NULL DEFAULT '',  -- hash of the source's fields, to tell unchanged rows
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    UNIQUE (program_id, source, order_key)
);
CREATE INDEX orders_time ON orders(program_id, time, id);
CREATE INDEX orders_partner ON orders(partner_id, time);
CREATE INDEX orders_customer ON orders(customer_id, time);
CREATE INDEX orders_batch ON orders(batch_id);

CREATE TABLE order_lines (
    id         INTEGER PRIMARY KEY,
    order_id   INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    sku        TEXT NOT NULL DEFAULT '',
    name       TEXT NOT NULL DEFAULT '',
    quantity   INTEGER NOT NULL DEFAULT 1,
    unit_price INTEGER NOT NULL DEFAULT 0,    -- minor units
    discount   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX order_lines_order ON order_lines(order_id);

CREATE TABLE refunds (
    id         INTEGER PRIMARY KEY,
    order_id   INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    amount     INTEGER NOT NULL,              -- minor units, positive
    time       TEXT NOT NULL,
    source_ref TEXT NOT NULL DEFAULT '',
    batch_id   INTEGER REFERENCES import_batches(id)
);
CREATE INDEX refunds_order ON refunds(order_id);

CREATE TABLE payout_runs (
    id         INTEGER PRIMARY KEY,
    program_id INTEGER NOT NULL REFERENCES programs(id),
    as_of      TEXT NOT NULL,
    actor      TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);

CREATE TABLE number_series (
    issuer TEXT NOT NULL,                     -- one gap-free series per issuer
    year   INTEGER NOT NULL,
    next   INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (issuer, year)
);

CREATE TABLE payouts (
    id          INTEGER PRIMARY KEY,
    run_id      INTEGER NOT NULL REFERENCES payout_runs(id),
    program_id  INTEGER NOT NULL REFERENCES programs(id),
    partner_id  INTEGER NOT NULL REFERENCES partners(id),
    number      TEXT NOT NULL UNIQUE,
    currency    TEXT NOT NULL,
    amount      INTEGER NOT NULL,             -- minor units; negative: a credit note
    lines       INTEGER NOT NULL,
    method      TEXT NOT NULL DEFAULT '',     -- paypal, iban, other
    corrects    INTEGER REFERENCES payouts(id),
    created_at  TEXT NOT NULL
);
CREATE INDEX payouts_partner ON payouts(partner_id);

CREATE TABLE carried_balances (
    id         INTEGER PRIMARY KEY,
    run_id     INTEGER NOT NULL REFERENCES payout_runs(id),
    partner_id INTEGER NOT NULL REFERENCES partners(id),
    currency   TEXT NOT NULL,
    amount     INTEGER NOT NULL,
    reason     TEXT NOT NULL DEFAULT ''
);

CREATE TABLE commission_lines (
    id          INTEGER PRIMARY KEY,
    program_id  INTEGER NOT NULL REFERENCES programs(id),
    partner_id  INTEGER NOT NULL REFERENCES partners(id),
    order_id    INTEGER REFERENCES orders(id),
    lead_id     INTEGER REFERENCES leads(id),
    parent_line INTEGER REFERENCES commission_lines(id),  -- second tier: the child's line
    kind        TEXT NOT NULL CHECK (kind IN ('sale','product','recurring','second_tier','lead','adjustment')),
    reason      TEXT NOT NULL DEFAULT '',
    rule        TEXT NOT NULL DEFAULT '',     -- which rule, e.g. "sale 20%", "tier 2 15%"
    sku         TEXT NOT NULL DEFAULT '',
    status      TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','approved','paid','reversed','rejected')),
    base        INTEGER NOT NULL DEFAULT 0,   -- minor units
    amount      INTEGER NOT NULL,             -- minor units, rounded once
    currency    TEXT NOT NULL,
    order_time  TEXT,
    note        TEXT NOT NULL DEFAULT '',
    approved_by TEXT NOT NULL DEFAULT '',     -- '' automatic, else the person who approved early
    payout_id   INTEGER REFERENCES payouts(id),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX commission_lines_partner ON commission_lines(partner_id, status);
CREATE INDEX commission_lines_order ON commission_lines(order_id);
CREATE INDEX commission_lines_program ON commission_lines(program_id, status, order_time);
CREATE INDEX commission_lines_payout ON commission_lines(payout_id);

CREATE TABLE exchange_rates (
    day      TEXT NOT NULL,                   -- YYYY-MM-DD
    currency TEXT NOT NULL,
    rate     TEXT NOT NULL,                   -- exact decimal: units of currency per 1 EUR
    PRIMARY KEY (day, currency)
);

CREATE TABLE statements (
    id         INTEGER PRIMARY KEY,
    payout_id  INTEGER NOT NULL UNIQUE REFERENCES payouts(id),
    language   TEXT NOT NULL DEFAULT 'en',
    sha256     TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);

CREATE TABLE outbox (
    id           INTEGER PRIMARY KEY,
    message_id   TEXT NOT NULL UNIQUE,
    kind         TEXT NOT NULL,               -- statement, report, welcome, test
    dedupe_key   TEXT NOT NULL UNIQUE,        -- e.g. statement:<payout id>: mailing again sends nothing new
    program_id   INTEGER REFERENCES programs(id),
    partner_id   INTEGER REFERENCES partners(id),
    to_addr      TEXT NOT NULL,
    subject      TEXT NOT NULL,
    body         BLOB NOT NULL,               -- the whole MIME message
    state        TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued','sending','sent','failed')),
    attempts     INTEGER NOT NULL DEFAULT 0,
    last_error   TEXT NOT NULL DEFAULT '',
    next_attempt TEXT,
    sent_at      TEXT,
    in_sent      INTEGER NOT NULL DEFAULT 0,  -- appended to the IMAP Sent folder
    created_at   TEXT NOT NULL
);
CREATE INDEX outbox_state ON outbox(state, next_attempt);

CREATE TABLE api_keys (
    id         INTEGER PRIMARY KEY,
    program_id INTEGER NOT NULL REFERENCES programs(id),
    kind       TEXT NOT NULL CHECK (kind IN ('publishable','secret')),
    prefix     TEXT NOT NULL,                 -- shown to tell keys apart
    hash       TEXT NOT NULL UNIQUE,          -- secret keys are stored hashed
    created_at TEXT NOT NULL,
    revoked_at TEXT
);

CREATE TABLE events (
    id          INTEGER PRIMARY KEY,          -- the cursor
    event_id    TEXT NOT NULL UNIQUE,         -- idempotency key (visit/signup id, sale:order id)
    program_id  INTEGER NOT NULL REFERENCES programs(id),
    type        TEXT NOT NULL CHECK (type IN ('visit','signup','sale','refund')),
    payload     TEXT NOT NULL,                -- JSON as received, normalised
    received_at TEXT NOT NULL,
    applied_at  TEXT
);
CREATE INDEX events_program ON events(program_id, type, id);

CREATE TABLE sync_cursors (
    remote TEXT PRIMARY KEY,
    cursor INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE mappings (
    name       TEXT PRIMARY KEY,
    mapping    TEXT NOT NULL,                 -- JSON of the generic importer's mapping
    updated_at TEXT NOT NULL
);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    actor      TEXT NOT NULL,
    action     TEXT NOT NULL,                 -- e.g. partner.add, lead.status
    entity     TEXT NOT NULL,
    entity_id  INTEGER,
    program_id INTEGER,
    detail     TEXT NOT NULL DEFAULT '{}'     -- JSON: what changed
);
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);
