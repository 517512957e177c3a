-- ADR 0008: a change inserts its event unnumbered; the event pump numbers committed rows per branch
-- afterwards, so no request holds the branch row to its commit. NULLs do not collide in events_seq_unique.
ALTER TABLE events ALTER COLUMN seq DROP NOT NULL;
