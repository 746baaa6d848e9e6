-- A partner's portal overview reads the report's balances (010_report.sql) instead of their
-- lines: the balances also count the sale and renewal lines and sum their bases (the overview's
-- orders and sales). The 8-column covering index 011_portal.sql made for the overview cost
-- every line written or changed an entry of 8 columns (a plan change rewrites one for every line
-- whose amount moves); the partner's lines are now found, and paged by time, along a narrow one.
ALTER TABLE report_balances ADD COLUMN sales INTEGER NOT NULL DEFAULT 0;      -- sale and recurring lines
ALTER TABLE report_balances ADD COLUMN sales_base INTEGER NOT NULL DEFAULT 0; -- their bases, minor units
UPDATE report_balances SET sales = x.n, sales_base = x.base
    FROM (SELECT program_id, partner_id, currency, status,
            CASE WHEN status = 'pending' THEN COALESCE(due, '9999-12-31') ELSE '' END AS due, count(*) AS n, sum(base) AS base
        FROM commission_lines WHERE kind IN ('sale', 'recurring') GROUP BY 1, 2, 3, 4, 5) x
    WHERE report_balances.program_id = x.program_id AND report_balances.partner_id = x.partner_id
        AND report_balances.currency = x.currency AND report_balances.status = x.status AND report_balances.due = x.due;
DROP INDEX commission_lines_partner;
CREATE INDEX commission_lines_partner ON commission_lines(partner_id, status, order_time);
