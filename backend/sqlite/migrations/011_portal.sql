-- The partner portal (docs/portal.md): a program setting that turns it on, one-time sign-in
-- codes, sessions, and the payout-detail changes partners ask for. Codes, links and session
-- tokens are stored only as SHA-256 hashes: a copy of the database signs nobody in.
ALTER TABLE programs ADD COLUMN portal TEXT NOT NULL DEFAULT 'off' CHECK (portal IN ('off','on'));

CREATE TABLE portal_codes (
    id         INTEGER PRIMARY KEY,
    email      TEXT NOT NULL,                 -- normalised; the code signs in this address
    code_hash  TEXT NOT NULL,                 -- the 6 digits
    link_hash  TEXT NOT NULL UNIQUE,          -- the sign-in link's token
    tries      INTEGER NOT NULL DEFAULT 0,    -- wrong codes given; 5 end it
    expires_at TEXT NOT NULL,
    used_at    TEXT,                          -- used, or replaced by a newer code
    created_at TEXT NOT NULL
);
CREATE INDEX portal_codes_email ON portal_codes(email, id);

CREATE TABLE portal_sessions (
    id         INTEGER PRIMARY KEY,
    hash       TEXT NOT NULL UNIQUE,          -- of the cookie's token
    partner_id INTEGER NOT NULL REFERENCES partners(id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    ended_at   TEXT                           -- signed out, or the partner was suspended
);
CREATE INDEX portal_sessions_partner ON portal_sessions(partner_id, created_at);

-- A partner's request to change where their money goes; the shop approves it in the app.
CREATE TABLE portal_requests (
    id         INTEGER PRIMARY KEY,
    program_id INTEGER NOT NULL REFERENCES programs(id),
    partner_id INTEGER NOT NULL REFERENCES partners(id),
    field      TEXT NOT NULL CHECK (field IN ('iban','paypal_email')),
    value      TEXT NOT NULL,
    status     TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','approved','rejected')),
    created_at TEXT NOT NULL,
    decided_at TEXT,
    decided_by TEXT NOT NULL DEFAULT ''
);
CREATE INDEX portal_requests_partner ON portal_requests(partner_id, id);
CREATE INDEX portal_requests_program ON portal_requests(program_id, status);

-- Sign-in finds a partner by address alone; the overview counts a partner's visits.
CREATE INDEX partners_email_all ON partners(email);
CREATE INDEX events_ref ON events(program_id, payload->>'ref') WHERE type = 'visit';

-- A partner's overview reads only this index, never the table (a partner with 100,000 lines in
-- a program of a million orders: about 30 ms): their lines by status and currency with what the
-- sums need. It replaces the (partner_id, status) index it starts with.
DROP INDEX commission_lines_partner;
CREATE INDEX commission_lines_partner ON commission_lines(partner_id, status, currency, due, order_time, kind, amount, base);
