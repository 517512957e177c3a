-- One address trying many usernames (password spraying) is counted across them (LoginGuard).
CREATE INDEX login_failures_address ON login_failures (address, failed_at);
