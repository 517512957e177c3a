-- A partner's reversal that arrived before its payment: the bank timed out, reversed and gave the customer the money
-- back while the payment was still on its way. The reference is kept so that the late payment is refused, never booked
-- as credit for money the bank returned (docs/decisions/0020-a-reversal-before-its-payment.md).
CREATE TABLE channel_early_reversals (
    partner_id         BIGINT       NOT NULL REFERENCES channel_partners (id),
    partner_reference  VARCHAR(64)  NOT NULL,
    reversed_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (partner_id, partner_reference)
);
