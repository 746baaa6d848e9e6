-- An index for every column that references another row. When a row is deleted, SQLite looks
-- for rows that reference it; without an index it reads the whole referencing table for each
-- deleted row. commission_lines.parent_line (never set) made deleting lines quadratic.
-- Columns that are mostly empty get partial indexes: they cost nothing on rows without a value.
CREATE INDEX commission_lines_parent ON commission_lines(parent_line) WHERE parent_line IS NOT NULL;
CREATE INDEX leads_customer ON leads(customer_id) WHERE customer_id IS NOT NULL;
CREATE INDEX orders_updated_batch ON orders(updated_batch) WHERE updated_batch IS NOT NULL;
CREATE INDEX refunds_batch ON refunds(batch_id);
CREATE INDEX import_batches_program ON import_batches(program_id);
CREATE INDEX payout_runs_program ON payout_runs(program_id);
CREATE INDEX payouts_program ON payouts(program_id);
CREATE INDEX payouts_netted_by ON payouts(netted_by) WHERE netted_by IS NOT NULL;
CREATE INDEX payouts_corrects ON payouts(corrects) WHERE corrects IS NOT NULL;
CREATE INDEX carried_balances_partner ON carried_balances(partner_id);
CREATE INDEX carried_balances_run ON carried_balances(run_id);
CREATE INDEX outbox_partner ON outbox(partner_id) WHERE partner_id IS NOT NULL;
CREATE INDEX api_keys_program ON api_keys(program_id);
CREATE INDEX customer_links_partner ON customer_links(partner_id);
-- Lines get their payout when paid and their lead only when a lead's bounty: new lines are
-- neither, so these two indexes hold only the lines that have one.
DROP INDEX commission_lines_payout;
CREATE INDEX commission_lines_payout ON commission_lines(payout_id) WHERE payout_id IS NOT NULL;
DROP INDEX commission_lines_lead;
CREATE INDEX commission_lines_lead ON commission_lines(lead_id) WHERE lead_id IS NOT NULL;
-- A tracked signup looks up its visitor's visits (applySignups).
CREATE INDEX events_visitor ON events(program_id, payload->>'visitor') WHERE type = 'visit';
