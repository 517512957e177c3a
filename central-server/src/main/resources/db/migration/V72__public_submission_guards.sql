-- One row per address (or account) that files public cases: its lock makes parallel filings count one after another,
-- so the hourly limit holds however many arrive at once (CaseService.rateLimited).
CREATE TABLE public_submission_guards (
    address  VARCHAR(64) PRIMARY KEY
);
