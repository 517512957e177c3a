-- Payments taken at a counter while the link to the head office was down (issue 7).
-- taken_at is when the money changed hands; created_at when the server recorded it.
ALTER TABLE payments ADD COLUMN taken_at TIMESTAMP WITH TIME ZONE;
UPDATE payments SET taken_at = created_at;
ALTER TABLE payments ALTER COLUMN taken_at SET NOT NULL;
ALTER TABLE payments ADD COLUMN offline BOOLEAN NOT NULL DEFAULT FALSE;
-- Money beyond what the customer owed when the payment arrived: kept as credit, never refused.
ALTER TABLE payments ADD COLUMN credit BIGINT NOT NULL DEFAULT 0;
ALTER TABLE payments ADD COLUMN needs_review BOOLEAN NOT NULL DEFAULT FALSE;
-- The receipt number is taken last in the transaction, so its row lock is held as briefly as possible.
ALTER TABLE payments ALTER COLUMN receipt_number DROP NOT NULL;
CREATE INDEX payments_review ON payments (needs_review);
CREATE INDEX payments_counter_taken ON payments (counter_id, taken_at);
