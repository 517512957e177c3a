-- Issue 21: call-next reads the queue in call order rather than sorting every waiting ticket.
-- tickets_queue (branch, day, status) is a prefix of the new index, which also orders by issue time:
-- the next regular ticket and the oldest one the no-starvation rule watches are its first entries.
CREATE INDEX tickets_waiting_order ON tickets (branch_code, business_date, status, issued_at);
DROP INDEX tickets_queue;
-- The rule's run of priority calls: a service's newest calls of the day, newest first.
CREATE INDEX tickets_service_calls ON tickets (branch_code, business_date, service_id, called_at);
-- Call-next asks whether any remote ticket of the centre still awaits its check-in (almost never).
CREATE INDEX tickets_awaiting_check_in ON tickets (branch_code, business_date, awaiting_check_in, status);
