-- The report's sums by UTC month as well as by hour: report_months holds, for each program,
-- partner (0: all partners together), month and currency, the sum of report_hours' rows of that
-- month, kept by the same writers in the same transaction (report_keep.go, report_delta.go,
-- import_firsts.go). The ranking of partners over a long period reads a partner's whole months
-- here and only the hours at its two ends from report_hours: a program of 200 partners over
-- three years reads some 7,000 rows of months, and the hours of the months at its two ends,
-- instead of 400,000 rows of hours.
CREATE TABLE report_months (
    program_id      INTEGER NOT NULL,
    month           TEXT NOT NULL,   -- UTC: 2025-03, substr of report_hours.hour
    partner_id      INTEGER NOT NULL,
    currency        TEXT NOT NULL,
    orders          INTEGER NOT NULL DEFAULT 0,
    net             INTEGER NOT NULL DEFAULT 0,
    total           INTEGER NOT NULL DEFAULT 0,
    refunded        INTEGER NOT NULL DEFAULT 0,
    refunded_orders INTEGER NOT NULL DEFAULT 0,
    new_customers   INTEGER NOT NULL DEFAULT 0,
    commissions     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (program_id, partner_id, month, currency)
) WITHOUT ROWID;

INSERT INTO report_months (program_id, month, partner_id, currency, orders, net, total, refunded, refunded_orders,
        new_customers, commissions)
    SELECT program_id, substr(hour, 1, 7), partner_id, currency, sum(orders), sum(net), sum(total), sum(refunded),
        sum(refunded_orders), sum(new_customers), sum(commissions)
    FROM report_hours GROUP BY 1, 2, 3, 4;
