-- The e-mail templates the shop edited (Partnerbook's own stay in the code, for "reset").
CREATE TABLE mail_templates (
    kind       TEXT NOT NULL CHECK (kind IN ('statement','report','welcome')),
    language   TEXT NOT NULL,
    subject    TEXT NOT NULL,
    text       TEXT NOT NULL,
    html       TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (kind, language)
);
CREATE INDEX outbox_program ON outbox(program_id, id);
