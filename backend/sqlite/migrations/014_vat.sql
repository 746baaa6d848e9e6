-- VAT on self-billing invoices (docs/statements.md, "VAT"). A partner's VAT treatment is
-- derived from the company's and the partner's country and VAT id when the partner is saved,
-- unless a person chose it (vat_treatment_set = 1). A payout keeps its treatment, the rate the
-- run froze, and its VAT in minor units: amount stays the net (balances, thresholds and
-- netting are net), the gross paid is amount + vat + the VAT of the credit notes it nets.
ALTER TABLE partners ADD COLUMN vat_treatment TEXT NOT NULL DEFAULT 'none'
    CHECK (vat_treatment IN ('domestic','reverse_charge','exempt','none'));
ALTER TABLE partners ADD COLUMN vat_treatment_set INTEGER NOT NULL DEFAULT 0 CHECK (vat_treatment_set IN (0,1));
ALTER TABLE payouts ADD COLUMN vat_treatment TEXT NOT NULL DEFAULT 'none';
ALTER TABLE payouts ADD COLUMN vat_rate TEXT NOT NULL DEFAULT '0';
ALTER TABLE payouts ADD COLUMN vat INTEGER NOT NULL DEFAULT 0;
-- Partners saved before: derived as the rules of backend/payout do, from the company's country
-- (the id's first two letters where the partner's country is empty; Greece writes EL).
UPDATE partners SET vat_treatment = CASE
    WHEN vat_id = '' THEN 'none'
    WHEN (SELECT value FROM settings WHERE key = 'company.country') IS NULL THEN 'none'
    ELSE (WITH c(shop, pc) AS (SELECT
            (SELECT replace(upper(value), 'EL', 'GR') FROM settings WHERE key = 'company.country'),
            replace(upper(CASE WHEN country = '' THEN substr(vat_id, 1, 2) ELSE country END), 'EL', 'GR'))
        SELECT CASE
            WHEN shop NOT IN ('AT','BE','BG','HR','CY','CZ','DK','EE','FI','FR','DE','GR','HU','IE','IT','LV','LT','LU','MT','NL','PL','PT','RO','SK','SI','ES','SE') THEN 'none'
            WHEN pc NOT IN ('AT','BE','BG','HR','CY','CZ','DK','EE','FI','FR','DE','GR','HU','IE','IT','LV','LT','LU','MT','NL','PL','PT','RO','SK','SI','ES','SE') THEN 'none'
            WHEN pc = shop THEN 'domestic'
            ELSE 'reverse_charge' END FROM c)
    END;
