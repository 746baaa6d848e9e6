-- Reports (docs/reports.md): the dashboard of a program with a million orders reads sums kept
-- up to date by triggers, in the same transaction as the orders and lines they sum, instead of
-- reading every order. Sums are per UTC hour: a period in the program's zone reads whole hours
-- from here (every zone but a few, such as India's, starts its days on a whole UTC hour) and
-- the orders and lines of an hour a boundary cuts from their own tables.

-- Per program, partner (0: all partners together), UTC hour and currency: credited orders
-- (a partner, not cancelled), their amounts, refunds, first purchases, and commissions earned
-- (lines by order time, reversed and rejected left out, adjustments counted).
CREATE TABLE report_hours (
    program_id      INTEGER NOT NULL,
    hour            TEXT NOT NULL,   -- UTC: 2025-03-14T08
    partner_id      INTEGER NOT NULL,
    currency        TEXT NOT NULL,
    orders          INTEGER NOT NULL DEFAULT 0,
    net             INTEGER NOT NULL DEFAULT 0,
    total           INTEGER NOT NULL DEFAULT 0,
    refunded        INTEGER NOT NULL DEFAULT 0,
    refunded_orders INTEGER NOT NULL DEFAULT 0,
    new_customers   INTEGER NOT NULL DEFAULT 0,
    commissions     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (program_id, partner_id, hour, currency)
) WITHOUT ROWID;

-- Each customer's first order that is not cancelled, and where it was counted as a new
-- customer (partner_id NULL: the first purchase was not credited to a partner).
CREATE TABLE report_firsts (
    customer_id INTEGER PRIMARY KEY,
    program_id  INTEGER NOT NULL,
    order_id    INTEGER NOT NULL,
    time        TEXT NOT NULL,
    partner_id  INTEGER,
    currency    TEXT NOT NULL
);

-- Lines by partner, currency and stored status; a pending line also by its due day (it is
-- approved from then on), so balances as of any day are read without reading the lines.
CREATE TABLE report_balances (
    program_id INTEGER NOT NULL,
    partner_id INTEGER NOT NULL,
    currency   TEXT NOT NULL,
    status     TEXT NOT NULL,
    due        TEXT NOT NULL,
    amount     INTEGER NOT NULL DEFAULT 0,
    lines      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (program_id, partner_id, currency, status, due)
) WITHOUT ROWID;

-- The cut hours of a period read their orders with what the sums need.
CREATE INDEX orders_report ON orders(program_id, time, partner_id, currency, net, total, refunded)
    WHERE partner_id IS NOT NULL AND cancelled = 0;

-- Orders. A first order is taken back and counted again wherever a change may move it.
CREATE TRIGGER report_orders_insert AFTER INSERT ON orders BEGIN
    INSERT INTO report_hours (program_id, hour, partner_id, currency, orders, net, total, refunded, refunded_orders)
        SELECT NEW.program_id, substr(NEW.time, 1, 13), p, NEW.currency, 1, NEW.net, NEW.total, NEW.refunded, NEW.refunded > 0
        FROM (SELECT NEW.partner_id AS p UNION ALL SELECT 0) WHERE NEW.partner_id IS NOT NULL AND NEW.cancelled = 0
        ON CONFLICT DO UPDATE SET orders = orders + excluded.orders, net = net + excluded.net, total = total + excluded.total,
            refunded = refunded + excluded.refunded, refunded_orders = refunded_orders + excluded.refunded_orders;
    INSERT INTO report_firsts (customer_id, program_id, order_id, time, partner_id, currency)
        SELECT NEW.customer_id, NEW.program_id, NEW.id, NEW.time, NEW.partner_id, NEW.currency
        WHERE NEW.customer_id IS NOT NULL AND NEW.cancelled = 0
        ON CONFLICT DO UPDATE SET program_id = excluded.program_id, order_id = excluded.order_id, time = excluded.time,
            partner_id = excluded.partner_id, currency = excluded.currency
        WHERE excluded.time < time OR (excluded.time = time AND excluded.order_id < order_id);
END;

CREATE TRIGGER report_orders_update AFTER UPDATE OF program_id, time, customer_id, currency, net, total, refunded, cancelled, partner_id ON orders
WHEN OLD.program_id IS NOT NEW.program_id OR OLD.time IS NOT NEW.time OR OLD.customer_id IS NOT NEW.customer_id
    OR OLD.currency IS NOT NEW.currency OR OLD.net IS NOT NEW.net OR OLD.total IS NOT NEW.total
    OR OLD.refunded IS NOT NEW.refunded OR OLD.cancelled IS NOT NEW.cancelled OR OLD.partner_id IS NOT NEW.partner_id
BEGIN
    UPDATE report_hours SET orders = orders - 1, net = net - OLD.net, total = total - OLD.total,
            refunded = refunded - OLD.refunded, refunded_orders = refunded_orders - (OLD.refunded > 0)
        WHERE program_id = OLD.program_id AND hour = substr(OLD.time, 1, 13) AND partner_id IN (0, OLD.partner_id)
            AND currency = OLD.currency AND OLD.partner_id IS NOT NULL AND OLD.cancelled = 0;
    INSERT INTO report_hours (program_id, hour, partner_id, currency, orders, net, total, refunded, refunded_orders)
        SELECT NEW.program_id, substr(NEW.time, 1, 13), p, NEW.currency, 1, NEW.net, NEW.total, NEW.refunded, NEW.refunded > 0
        FROM (SELECT NEW.partner_id AS p UNION ALL SELECT 0) WHERE NEW.partner_id IS NOT NULL AND NEW.cancelled = 0
        ON CONFLICT DO UPDATE SET orders = orders + excluded.orders, net = net + excluded.net, total = total + excluded.total,
            refunded = refunded + excluded.refunded, refunded_orders = refunded_orders + excluded.refunded_orders;
    -- the first orders of the old and the new customer, when what decides them changed
    DELETE FROM report_firsts WHERE customer_id IN (OLD.customer_id, NEW.customer_id)
        AND (OLD.time IS NOT NEW.time OR OLD.customer_id IS NOT NEW.customer_id OR OLD.cancelled IS NOT NEW.cancelled
            OR OLD.partner_id IS NOT NEW.partner_id OR OLD.currency IS NOT NEW.currency OR OLD.program_id IS NOT NEW.program_id);
    INSERT OR IGNORE INTO report_firsts (customer_id, program_id, order_id, time, partner_id, currency)
        SELECT c.id, o.program_id, o.id, o.time, o.partner_id, o.currency
        FROM (SELECT OLD.customer_id AS id UNION SELECT NEW.customer_id) c
        JOIN orders o ON o.id = (SELECT x.id FROM orders x WHERE x.customer_id = c.id AND x.cancelled = 0 ORDER BY x.time, x.id LIMIT 1)
        WHERE c.id IS NOT NULL;
END;

CREATE TRIGGER report_orders_delete AFTER DELETE ON orders BEGIN
    UPDATE report_hours SET orders = orders - 1, net = net - OLD.net, total = total - OLD.total,
            refunded = refunded - OLD.refunded, refunded_orders = refunded_orders - (OLD.refunded > 0)
        WHERE program_id = OLD.program_id AND hour = substr(OLD.time, 1, 13) AND partner_id IN (0, OLD.partner_id)
            AND currency = OLD.currency AND OLD.partner_id IS NOT NULL AND OLD.cancelled = 0;
    DELETE FROM report_firsts WHERE customer_id = OLD.customer_id AND order_id = OLD.id;
    INSERT OR IGNORE INTO report_firsts (customer_id, program_id, order_id, time, partner_id, currency)
        SELECT o.customer_id, o.program_id, o.id, o.time, o.partner_id, o.currency FROM orders o
        WHERE o.id = (SELECT x.id FROM orders x WHERE x.customer_id = OLD.customer_id AND x.cancelled = 0 ORDER BY x.time, x.id LIMIT 1);
END;

-- New customers follow report_firsts: a first order counted where it was credited.
CREATE TRIGGER report_firsts_insert AFTER INSERT ON report_firsts WHEN NEW.partner_id IS NOT NULL BEGIN
    INSERT INTO report_hours (program_id, hour, partner_id, currency, new_customers)
        SELECT NEW.program_id, substr(NEW.time, 1, 13), p, NEW.currency, 1 FROM (SELECT NEW.partner_id AS p UNION ALL SELECT 0) WHERE true
        ON CONFLICT DO UPDATE SET new_customers = new_customers + 1;
END;

CREATE TRIGGER report_firsts_delete AFTER DELETE ON report_firsts WHEN OLD.partner_id IS NOT NULL BEGIN
    UPDATE report_hours SET new_customers = new_customers - 1
        WHERE program_id = OLD.program_id AND hour = substr(OLD.time, 1, 13) AND partner_id IN (0, OLD.partner_id) AND currency = OLD.currency;
END;

CREATE TRIGGER report_firsts_update AFTER UPDATE ON report_firsts BEGIN
    UPDATE report_hours SET new_customers = new_customers - 1
        WHERE program_id = OLD.program_id AND hour = substr(OLD.time, 1, 13) AND partner_id IN (0, OLD.partner_id)
            AND currency = OLD.currency AND OLD.partner_id IS NOT NULL;
    INSERT INTO report_hours (program_id, hour, partner_id, currency, new_customers)
        SELECT NEW.program_id, substr(NEW.time, 1, 13), p, NEW.currency, 1 FROM (SELECT NEW.partner_id AS p UNION ALL SELECT 0)
        WHERE NEW.partner_id IS NOT NULL
        ON CONFLICT DO UPDATE SET new_customers = new_customers + 1;
END;

-- Commission lines: earned by order time, and balances by status and due day.
CREATE TRIGGER report_lines_insert AFTER INSERT ON commission_lines BEGIN
    INSERT INTO report_hours (program_id, hour, partner_id, currency, commissions)
        SELECT NEW.program_id, substr(NEW.order_time, 1, 13), p, NEW.currency, NEW.amount FROM (SELECT NEW.partner_id AS p UNION ALL SELECT 0)
        WHERE NEW.order_time IS NOT NULL AND NEW.status NOT IN ('reversed', 'rejected')
        ON CONFLICT DO UPDATE SET commissions = commissions + excluded.commissions;
    INSERT INTO report_balances (program_id, partner_id, currency, status, due, amount, lines)
        VALUES (NEW.program_id, NEW.partner_id, NEW.currency, NEW.status,
            CASE WHEN NEW.status = 'pending' THEN COALESCE(NEW.due, '9999-12-31') ELSE '' END, NEW.amount, 1)
        ON CONFLICT DO UPDATE SET amount = amount + excluded.amount, lines = lines + 1;
END;

CREATE TRIGGER report_lines_update AFTER UPDATE OF program_id, partner_id, currency, status, amount, order_time, due ON commission_lines
WHEN OLD.program_id IS NOT NEW.program_id OR OLD.partner_id IS NOT NEW.partner_id OR OLD.currency IS NOT NEW.currency
    OR OLD.status IS NOT NEW.status OR OLD.amount IS NOT NEW.amount OR OLD.order_time IS NOT NEW.order_time OR OLD.due IS NOT NEW.due
BEGIN
    UPDATE report_hours SET commissions = commissions - OLD.amount
        WHERE program_id = OLD.program_id AND hour = substr(OLD.order_time, 1, 13) AND partner_id IN (0, OLD.partner_id)
            AND currency = OLD.currency AND OLD.status NOT IN ('reversed', 'rejected');
    INSERT INTO report_hours (program_id, hour, partner_id, currency, commissions)
        SELECT NEW.program_id, substr(NEW.order_time, 1, 13), p, NEW.currency, NEW.amount FROM (SELECT NEW.partner_id AS p UNION ALL SELECT 0)
        WHERE NEW.order_time IS NOT NULL AND NEW.status NOT IN ('reversed', 'rejected')
        ON CONFLICT DO UPDATE SET commissions = commissions + excluded.commissions;
    UPDATE report_balances SET amount = amount - OLD.amount, lines = lines - 1
        WHERE program_id = OLD.program_id AND partner_id = OLD.partner_id AND currency = OLD.currency AND status = OLD.status
            AND due = CASE WHEN OLD.status = 'pending' THEN COALESCE(OLD.due, '9999-12-31') ELSE '' END;
    INSERT INTO report_balances (program_id, partner_id, currency, status, due, amount, lines)
        VALUES (NEW.program_id, NEW.partner_id, NEW.currency, NEW.status,
            CASE WHEN NEW.status = 'pending' THEN COALESCE(NEW.due, '9999-12-31') ELSE '' END, NEW.amount, 1)
        ON CONFLICT DO UPDATE SET amount = amount + excluded.amount, lines = lines + 1;
END;

CREATE TRIGGER report_lines_delete AFTER DELETE ON commission_lines BEGIN
    UPDATE report_hours SET commissions = commissions - OLD.amount
        WHERE program_id = OLD.program_id AND hour = substr(OLD.order_time, 1, 13) AND partner_id IN (0, OLD.partner_id)
            AND currency = OLD.currency AND OLD.status NOT IN ('reversed', 'rejected');
    UPDATE report_balances SET amount = amount - OLD.amount, lines = lines - 1
        WHERE program_id = OLD.program_id AND partner_id = OLD.partner_id AND currency = OLD.currency AND status = OLD.status
            AND due = CASE WHEN OLD.status = 'pending' THEN COALESCE(OLD.due, '9999-12-31') ELSE '' END;
END;

-- What a database holds already: orders, then first purchases (their trigger counts them), then lines.
INSERT INTO report_hours (program_id, hour, partner_id, currency, orders, net, total, refunded, refunded_orders)
    SELECT program_id, substr(time, 1, 13), CASE WHEN k = 0 THEN 0 ELSE partner_id END, currency,
        count(*), sum(net), sum(total), sum(refunded), sum(refunded > 0)
    FROM orders, (SELECT 0 AS k UNION ALL SELECT 1) WHERE partner_id IS NOT NULL AND cancelled = 0 GROUP BY 1, 2, 3, 4;
INSERT INTO report_firsts (customer_id, program_id, order_id, time, partner_id, currency)
    SELECT o.customer_id, o.program_id, o.id, o.time, o.partner_id, o.currency FROM orders o
    WHERE o.customer_id IS NOT NULL
        AND o.id = (SELECT x.id FROM orders x WHERE x.customer_id = o.customer_id AND x.cancelled = 0 ORDER BY x.time, x.id LIMIT 1);
INSERT INTO report_hours (program_id, hour, partner_id, currency, commissions)
    SELECT program_id, substr(order_time, 1, 13), CASE WHEN k = 0 THEN 0 ELSE partner_id END, currency, sum(amount)
    FROM commission_lines, (SELECT 0 AS k UNION ALL SELECT 1)
    WHERE order_time IS NOT NULL AND status NOT IN ('reversed', 'rejected') GROUP BY 1, 2, 3, 4
    ON CONFLICT DO UPDATE SET commissions = commissions + excluded.commissions;
INSERT INTO report_balances (program_id, partner_id, currency, status, due, amount, lines)
    SELECT program_id, partner_id, currency, status, CASE WHEN status = 'pending' THEN COALESCE(due, '9999-12-31') ELSE '' END,
        sum(amount), count(*)
    FROM commission_lines WHERE true GROUP BY 1, 2, 3, 4, 5;
