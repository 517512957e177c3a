-- A value sealed under the channel master key by the first server to start: a server with another key (a second
-- node without the same SPORTEL_CHANNEL_KEY, a restore on a new machine) refuses to start instead of failing every
-- partner request it receives.
CREATE TABLE channel_key_check (
    id      INTEGER      PRIMARY KEY CHECK (id = 1),
    sealed  VARCHAR(200) NOT NULL
);
