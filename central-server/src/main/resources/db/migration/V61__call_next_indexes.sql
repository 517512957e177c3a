-- Issue 21: call-next reads the queue in call order rather than sorting every waiting ticket.
-- tickets_queue (branch, day, status) is a prefix of the new index, which also orders by issue time:
-- the next regular ticket and the oldest one the no-starvation rule watches are its first entries.
-- The builds lock the table against writes while they run (seconds for a year of tickets): upgrade
-- outside opening hours, as docs/operations.md says. The old index goes last, once its successor exists.
CREATE INDEX IF NOT EXISTS tickets_waiting_order ON tickets (branch_code, business_date, status, issued_at);
-- The rule's run of priority calls: a service's newest calls of the day, newest first.
CREATE INDEX IF NOT EXISTS tickets_service_calls ON tickets (branch_code, business_date, service_id, called_at);
-- Call-next asks whether any remote ticket of the centre still awaits its check-in (almost never).
CREATE INDEX IF NOT EXISTS tickets_awaiting_check_in ON tickets (branch_code, business_date, awaiting_check_in, status);
DROP INDEX IF EXISTS tickets_queue;
