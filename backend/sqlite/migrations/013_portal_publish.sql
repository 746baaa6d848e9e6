-- The partner portal on a headless server (docs/portal.md): what the desktop published at its
-- last pull, per program and partner, and the sessions of partners signed in there. Ids are
-- the desktop's. A publish replaces a program's rows whole, in one transaction.
CREATE TABLE portal_pub_programs (
    program_id   INTEGER PRIMARY KEY,          -- the desktop's id (the push made it here)
    published_at TEXT NOT NULL,                -- when the desktop read it: the portal's "as of"
    cursor       INTEGER NOT NULL,             -- the desktop's events cursor then
    received_at  TEXT NOT NULL
);

CREATE TABLE portal_pub_partners (
    partner_id  INTEGER PRIMARY KEY,           -- the desktop's id
    program_id  INTEGER NOT NULL REFERENCES portal_pub_programs(program_id) ON DELETE CASCADE,
    email       TEXT NOT NULL,                 -- normalised: sign-in finds the partner by it
    account     TEXT NOT NULL,                 -- JSON of what the portal knows of the partner
    summary     TEXT NOT NULL,                 -- JSON: the overview
    leads       TEXT NOT NULL,                 -- JSON: their leads, masked
    profile     TEXT NOT NULL,                 -- JSON: their details, the IBAN masked
    lines_total INTEGER NOT NULL               -- how many lines were published
);
CREATE INDEX portal_pub_partners_email ON portal_pub_partners(email);
CREATE INDEX portal_pub_partners_program ON portal_pub_partners(program_id);

CREATE TABLE portal_pub_lines (
    partner_id INTEGER NOT NULL REFERENCES portal_pub_partners(partner_id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,               -- 0: the newest
    line_id    INTEGER NOT NULL,
    line       TEXT NOT NULL,                  -- JSON, the customer masked
    PRIMARY KEY (partner_id, seq)
) WITHOUT ROWID;
CREATE UNIQUE INDEX portal_pub_lines_id ON portal_pub_lines(partner_id, line_id);

CREATE TABLE portal_pub_payouts (
    partner_id INTEGER NOT NULL REFERENCES portal_pub_partners(partner_id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,               -- 0: the newest
    number     TEXT NOT NULL,
    payout     TEXT NOT NULL,                  -- JSON
    pdf        BLOB,                           -- the statement's bytes as filed
    PRIMARY KEY (partner_id, seq)
) WITHOUT ROWID;
CREATE UNIQUE INDEX portal_pub_payouts_number ON portal_pub_payouts(partner_id, number);

-- Hashes of the program's lead addresses: a lead the program has already is refused here too.
CREATE TABLE portal_pub_lead_hashes (
    program_id INTEGER NOT NULL REFERENCES portal_pub_programs(program_id) ON DELETE CASCADE,
    hash       TEXT NOT NULL,
    PRIMARY KEY (program_id, hash)
) WITHOUT ROWID;

-- Sessions of partners signed in to a headless server's portal. A publish that no longer
-- lists a partner (suspended, or the portal turned off) ends theirs.
CREATE TABLE portal_pub_sessions (
    id         INTEGER PRIMARY KEY,
    hash       TEXT NOT NULL UNIQUE,           -- of the cookie's token
    partner_id INTEGER NOT NULL,               -- the desktop's id
    program_id INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    ended_at   TEXT
);
CREATE INDEX portal_pub_sessions_partner ON portal_pub_sessions(partner_id);

-- What partners do in a headless server's portal: a lead (lead) or a change of payout details
-- (request). The server records them (applied_at stays NULL there) and lists them to the
-- desktop after a cursor (id); the desktop keeps each it applied, by event_id, with why it
-- changed nothing if it did not: each is applied once.
CREATE TABLE portal_events (
    id          INTEGER PRIMARY KEY,           -- the server's cursor
    event_id    TEXT NOT NULL UNIQUE,
    program_id  INTEGER NOT NULL,
    partner_id  INTEGER NOT NULL,              -- the desktop's id
    type        TEXT NOT NULL CHECK (type IN ('lead','request')),
    payload     TEXT NOT NULL,                 -- JSON
    received_at TEXT NOT NULL,
    applied_at  TEXT,                          -- on the desktop: when it was applied
    problem     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX portal_events_partner ON portal_events(partner_id, type, id);
