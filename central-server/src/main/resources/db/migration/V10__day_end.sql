-- Day end (issue 17): each centre's day closes at a set local time; a run cancels the tickets still
-- waiting and closes the counters left open. One row per centre and day, so with several server
-- nodes only the first to insert it does the work.
ALTER TABLE branches ADD COLUMN day_end_time VARCHAR(5);
ALTER TABLE tickets ADD COLUMN cancel_reason VARCHAR(100);

CREATE TABLE day_end_runs (
    branch_code        VARCHAR(10) NOT NULL REFERENCES branches (code),
    business_date      DATE        NOT NULL,
    ran_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    tickets_cancelled  INTEGER     NOT NULL,
    counters_closed    INTEGER     NOT NULL,
    PRIMARY KEY (branch_code, business_date)
);
