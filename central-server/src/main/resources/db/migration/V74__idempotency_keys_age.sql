-- The day end forgets keys by age (Idempotency.forgetOld): without this index each night scanned the whole table.
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
