-- Invoice numbers: one gap-free series per year for the issuer (the shop this data folder
-- belongs to), keyed by a fixed id instead of the company's name, which may change. The series
-- of the names used so far are merged: each year goes on after the greatest number it issued.
CREATE TABLE number_series_new (
    issuer TEXT NOT NULL,
    year   INTEGER NOT NULL,
    next   INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (issuer, year)
);
INSERT INTO number_series_new (issuer, year, next)
    SELECT 'company', year, max(next) FROM (
        SELECT year, next FROM number_series
        UNION ALL
        SELECT CAST(substr(number, 1, 4) AS INTEGER), CAST(substr(number, 6) AS INTEGER) + 1 FROM payouts
    ) GROUP BY year;
DROP TABLE number_series;
ALTER TABLE number_series_new RENAME TO number_series;

-- An issued statement never changes: the run freezes what it prints. The run keeps the issuer
-- as it was (JSON: company, language, the shop's bank account, the logo's hash); each payout's
-- statement keeps its whole record (JSON: parties, payment details, language, lines, totals)
-- and, once made, the PDF's bytes. Logos are kept once by their SHA-256.
ALTER TABLE payout_runs ADD COLUMN record TEXT NOT NULL DEFAULT '';
ALTER TABLE statements ADD COLUMN record TEXT NOT NULL DEFAULT '';
ALTER TABLE statements ADD COLUMN logo_sha256 TEXT NOT NULL DEFAULT '';
ALTER TABLE statements ADD COLUMN pdf BLOB;
CREATE TABLE statement_logos (
    sha256 TEXT PRIMARY KEY,
    data   BLOB NOT NULL
);
