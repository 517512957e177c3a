-- A citizen's session in the phone app, opened with the customer code and a proof from the paper bill.
-- Only the token's SHA-256 is kept, as for staff sessions.
CREATE TABLE app_sessions (
    token_hash     CHAR(64)    NOT NULL PRIMARY KEY,
    customer_code  VARCHAR(20) NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX app_sessions_customer ON app_sessions (customer_code);
