-- Failed account checks (a customer code with a proof from the paper bill), counted per client
-- address and per customer code, so that nobody can guess their way into an account.
CREATE TABLE citizen_verify_failures (
    address        VARCHAR(64) NOT NULL,
    customer_code  VARCHAR(20) NOT NULL,
    failed_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX citizen_verify_failures_address ON citizen_verify_failures (address, failed_at);
CREATE INDEX citizen_verify_failures_code ON citizen_verify_failures (customer_code, failed_at);
