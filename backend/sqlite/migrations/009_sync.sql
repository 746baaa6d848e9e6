-- The sync endpoint (sync.md): programs' site, test keys and test events, what an event's
-- body hashes to (the same id with another body is refused), why an event could not be
-- applied, and the tracked visits and signups as rows a report can count.

ALTER TABLE programs ADD COLUMN site TEXT NOT NULL DEFAULT '';  -- partners' links are SITE?ref=KEY

ALTER TABLE api_keys ADD COLUMN test INTEGER NOT NULL DEFAULT 0;
ALTER TABLE api_keys ADD COLUMN plain TEXT NOT NULL DEFAULT ''; -- publishable keys only: they are public

ALTER TABLE events ADD COLUMN test INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN body_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN problem TEXT NOT NULL DEFAULT ''; -- why applying it changed nothing
CREATE INDEX events_unapplied ON events(id) WHERE applied_at IS NULL;

-- One row per tracked visit, written in the same commit as its event.
CREATE TABLE visits (
    id          INTEGER PRIMARY KEY,
    event_id    INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    program_id  INTEGER NOT NULL REFERENCES programs(id),
    partner_key TEXT NOT NULL,                -- as the link carried it ('' without one)
    visitor     TEXT NOT NULL,
    time        TEXT NOT NULL,                -- when it was received (UTC)
    test        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX visits_event ON visits(event_id);
CREATE INDEX visits_program ON visits(program_id, time);
CREATE INDEX visits_visitor ON visits(program_id, visitor, time);

-- One row per tracked signup, written in the same commit as its event.
CREATE TABLE signups (
    id          INTEGER PRIMARY KEY,
    event_id    INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    program_id  INTEGER NOT NULL REFERENCES programs(id),
    visitor     TEXT NOT NULL,
    email       TEXT NOT NULL,                -- trimmed, lower case
    partner_key TEXT NOT NULL,                -- the key the signup carried ('' without one)
    time        TEXT NOT NULL,
    test        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX signups_event ON signups(event_id);
CREATE INDEX signups_program ON signups(program_id, time);
