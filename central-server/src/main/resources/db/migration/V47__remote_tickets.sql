-- Issue 19, join the queue from home: a remote ticket waits in its service's queue like any other but is
-- not called until the citizen checks in at the kiosk; when its turn comes unchecked it is skipped
-- (a no-show) and may come back once, at check-in.
ALTER TABLE tickets ADD COLUMN awaiting_check_in BOOLEAN NOT NULL DEFAULT FALSE;

CREATE TABLE remote_tickets (
    ticket_id       VARCHAR(32)  PRIMARY KEY REFERENCES tickets (id),
    branch_code     VARCHAR(10)  NOT NULL REFERENCES branches (code),
    business_date   DATE         NOT NULL,
    -- the verified account that took it, and the address it came from: both limited per day
    customer_code   VARCHAR(20)  NOT NULL,
    client_address  VARCHAR(64)  NOT NULL,
    -- what the ticket's QR code holds and the kiosk's scanner types
    check_in_code   VARCHAR(16)  NOT NULL,
    travel_minutes  INTEGER      NOT NULL,
    -- opted in to SMS alerts when set
    phone           VARCHAR(30),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    checked_in_at   TIMESTAMP WITH TIME ZONE,
    skipped_at      TIMESTAMP WITH TIME ZONE,
    recalled_at     TIMESTAMP WITH TIME ZONE,
    sms_near_at     TIMESTAMP WITH TIME ZONE,
    sms_called_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT remote_tickets_code_unique UNIQUE (check_in_code)
);
CREATE INDEX remote_tickets_customer_day ON remote_tickets (customer_code, business_date);
CREATE INDEX remote_tickets_address_day ON remote_tickets (client_address, business_date);
CREATE INDEX remote_tickets_alerts ON remote_tickets (business_date, phone);
