-- A fee sale attempt, written before it is sent and kept while its outcome is unknown (no answer, or a 5xx): the
-- server may have sold it. A restarted client or a new login of the same clerk finds it here and locks the fee form
-- on it, so it is only retried with the same Idempotency-Key and body or given up after checking the sales list,
-- never sold a second time under a new key. One per clerk: the form allows no other sale while one is unknown.
CREATE TABLE fee_sale_attempts (
    username         VARCHAR(100) PRIMARY KEY,
    idempotency_key  VARCHAR(64)  NOT NULL,
    request          CLOB         NOT NULL,
    kept_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
