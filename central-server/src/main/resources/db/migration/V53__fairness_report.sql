-- Issue 20, fairness report: which waiting tickets each out-of-order call jumped (so the report can
-- tell the most places any one ticket lost), and which calls the no-starvation rule decided.
CREATE TABLE out_of_order_skips (
    call_id    BIGINT      NOT NULL REFERENCES out_of_order_calls (id),
    ticket_id  VARCHAR(32) NOT NULL REFERENCES tickets (id),
    PRIMARY KEY (call_id, ticket_id)
);
CREATE INDEX out_of_order_skips_ticket ON out_of_order_skips (ticket_id);

-- Set when call-next took a regular ticket because the rule lifted it: IN_ROW (after N priority calls
-- in a row) or WAIT (it had waited M minutes). NULL for every other call.
ALTER TABLE tickets ADD COLUMN starvation_rule VARCHAR(10);
