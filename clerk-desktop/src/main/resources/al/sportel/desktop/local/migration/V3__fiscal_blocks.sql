-- Counter keys (ADR 0007 section 3): the block of invoice ordinals the server reserved for this counter, so
-- it numbers NSLFs printed while cut off. next_ordinal is taken and committed before the payment goes into
-- the outbox: a crash in between leaves a gap, never a number used twice.
CREATE TABLE fiscal_blocks (
    counter_id    BIGINT  PRIMARY KEY,
    block         CLOB    NOT NULL,
    inv_year      INT     NOT NULL,
    next_ordinal  INT     NOT NULL,
    last_ordinal  INT     NOT NULL,
    kept_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
