-- Issue 20: satisfaction after service. One rating per ticket (the primary key makes a second one
-- impossible even when the phone and the counter's tablet answer at the same moment).
CREATE TABLE ticket_ratings (
    ticket_id      VARCHAR(32)  PRIMARY KEY REFERENCES tickets (id),
    branch_code    VARCHAR(10)  NOT NULL REFERENCES branches (code),
    service_id     BIGINT       NOT NULL REFERENCES services (id),
    clerk_user_id  BIGINT       REFERENCES users (id),
    score          INTEGER      NOT NULL CHECK (score BETWEEN 1 AND 5),
    comment        VARCHAR(500),
    -- PHONE or TABLET: where the customer answered
    source         VARCHAR(10)  NOT NULL,
    rated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ticket_ratings_branch_at ON ticket_ratings (branch_code, rated_at);
