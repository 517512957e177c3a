-- ADR 0010: the day's end forgets the kiosk taps' keys by scope and age without reading every key.
CREATE INDEX idempotency_keys_scope_created ON idempotency_keys (scope, created_at);
