-- A cash withdrawal or deposit sent again after its answer was lost (the authority slow, the client timed out)
-- is the same operation: the counter sends an Idempotency-Key, kept here per counter.
ALTER TABLE fiscal_cash_deposits ADD COLUMN idem_key VARCHAR(100);
CREATE UNIQUE INDEX fiscal_cash_deposits_key ON fiscal_cash_deposits (counter_id, idem_key);
