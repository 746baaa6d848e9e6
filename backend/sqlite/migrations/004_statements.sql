-- Statements: a negative balance becomes a credit note (a payout of kind credit_note, from the
-- same number series), netted by the partner's next payout in its currency.
ALTER TABLE payouts ADD COLUMN kind TEXT NOT NULL DEFAULT 'invoice' CHECK (kind IN ('invoice','credit_note'));
ALTER TABLE payouts ADD COLUMN netted_by INTEGER REFERENCES payouts(id);
CREATE INDEX payouts_open_credit ON payouts(partner_id, currency) WHERE kind = 'credit_note' AND netted_by IS NULL;
CREATE INDEX payouts_run ON payouts(run_id);
