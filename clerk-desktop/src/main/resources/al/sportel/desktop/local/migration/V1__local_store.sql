-- The counter's local file: what it needs to keep working while the head office is unreachable.

-- Commands that move money or create a record, written before they are sent (issue 7).
CREATE TABLE outbox (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    kind             VARCHAR(20)   NOT NULL,
    http_method      VARCHAR(6)    NOT NULL,
    path             VARCHAR(300)  NOT NULL,
    body             CLOB          NOT NULL,
    idempotency_key  VARCHAR(64)   NOT NULL UNIQUE,
    username         VARCHAR(100)  NOT NULL,
    summary          VARCHAR(300)  NOT NULL,
    state            VARCHAR(10)   NOT NULL,
    attempts         INT           NOT NULL DEFAULT 0,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error       VARCHAR(2000),
    response         CLOB,
    settled_at       TIMESTAMP WITH TIME ZONE,
    dismissed        BOOLEAN       NOT NULL DEFAULT FALSE
);
CREATE INDEX outbox_state ON outbox (state, id);

-- Reference data, the last queue snapshot and recently looked-up customers, as the server sent them.
CREATE TABLE cache_entries (
    kind        VARCHAR(30)  NOT NULL,
    cache_key   VARCHAR(100) NOT NULL,
    body        CLOB         NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (kind, cache_key)
);
