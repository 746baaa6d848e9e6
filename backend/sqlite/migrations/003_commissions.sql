-- The commission engine (docs/commissions.md). A line's key names it across recomputes (the
-- same order, partner, kind and item); a paid line and the adjustments that correct it share
-- their key. A pending line is approved from its due time on (order time + hold_days), read
-- as of the day a command is given, so no clock is stored.
ALTER TABLE commission_lines ADD COLUMN line_key TEXT NOT NULL DEFAULT '';
ALTER TABLE commission_lines ADD COLUMN due TEXT;
ALTER TABLE commission_lines ADD COLUMN rejected_by TEXT NOT NULL DEFAULT '';
CREATE INDEX commission_lines_lead ON commission_lines(lead_id);

-- The base an order earns on by `sale` or `tiers` (exact decimal text; NULL: it does not), so
-- that a partner's month is put in tiers again without reading each customer's history.
ALTER TABLE orders ADD COLUMN sale_base TEXT;
CREATE INDEX orders_no_customer ON orders(program_id) WHERE customer_id IS NULL;

-- Links of customers to partners that orders do not show: tracked signups and people's
-- assignments. A person's assignment counts for orders from `since` on (future orders only).
CREATE TABLE customer_links (
    id          INTEGER PRIMARY KEY,
    program_id  INTEGER NOT NULL REFERENCES programs(id),
    customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    partner_id  INTEGER NOT NULL REFERENCES partners(id),
    reason      TEXT NOT NULL CHECK (reason IN ('signup','manual')),
    since       TEXT NOT NULL,
    actor       TEXT NOT NULL DEFAULT '',
    note        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
);
CREATE INDEX customer_links_customer ON customer_links(customer_id);
CREATE INDEX customer_links_program ON customer_links(program_id);

-- Numbers of exchange-rate imports (ECB reference rates: units of a currency per 1 EUR).
CREATE INDEX exchange_rates_currency ON exchange_rates(currency, day);
