-- Issue 14: hardening of money, logins and the public surface.

-- Receipts are verified publicly by an unguessable code, not by their counted number.
ALTER TABLE payments ADD COLUMN verification_code VARCHAR(40);
CREATE UNIQUE INDEX payments_verification_code ON payments (verification_code);
-- An offline payment taken on a day whose shift is already over: kept, but shown apart for the supervisor.
ALTER TABLE payments ADD COLUMN late_entry BOOLEAN NOT NULL DEFAULT FALSE;

-- Failed logins count per username AND client address, so a colleague typing at her own counter is
-- never locked out by someone elsewhere typing her name.
ALTER TABLE login_failures ADD COLUMN address VARCHAR(64) NOT NULL DEFAULT '';
CREATE INDEX login_failures_user_address ON login_failures (username, address, failed_at);
-- One row per (username, address): locked FOR UPDATE while failures are counted, so parallel attempts
-- are counted one after the other and never more than the limit get their password checked.
CREATE TABLE login_guards (
    username  VARCHAR(100) NOT NULL,
    address   VARCHAR(64)  NOT NULL,
    PRIMARY KEY (username, address)
);

-- Staff notes on a case are internal unless the clerk marks them visible to the citizen.
ALTER TABLE case_history ADD COLUMN public_note BOOLEAN NOT NULL DEFAULT FALSE;
