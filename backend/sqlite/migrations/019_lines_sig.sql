-- An order's fingerprint of what the planner was given for its lines when the recompute last
-- planned them (commission.Signer); no row: none yet, or its lines were changed since by
-- somebody other than the recompute. A recompute that computes the same fingerprint again
-- leaves the order's stored lines unread: planning them again would write nothing.
--
-- A table of its own, not a column of orders: a recompute from nothing writes a million of
-- them, and an order's row is wide (a column of it cost 5 s there: each order rewritten).
CREATE TABLE order_sigs (
    order_id INTEGER PRIMARY KEY,  -- orders(id); goes with its order (orders_sig_delete)
    sig      INTEGER NOT NULL
);
CREATE TRIGGER orders_sig_delete AFTER DELETE ON orders BEGIN
    DELETE FROM order_sigs WHERE order_id = OLD.id;
END;

-- The recompute writes the fingerprint after it has written the order's lines. Everybody
-- else who changes a line of an order drops it: approving, rejecting and paying a line set
-- its status, people's names, its note or its payout; undoing an import deletes the lines.
-- Only the recompute inserts lines of an order (people's adjustments have none), and only
-- the recompute changes the lines' amounts, rules and times: those writes need no trigger,
-- and a plan change of a million orders does not pay for one.
CREATE TRIGGER lines_sig_update AFTER UPDATE OF status, payout_id, approved_by, rejected_by, note, order_id, line_key
ON commission_lines WHEN OLD.order_id IS NOT NULL BEGIN
    DELETE FROM order_sigs WHERE order_id = OLD.order_id;
END;
CREATE TRIGGER lines_sig_delete AFTER DELETE ON commission_lines WHEN OLD.order_id IS NOT NULL BEGIN
    DELETE FROM order_sigs WHERE order_id = OLD.order_id;
END;
