-- The server's refusal of an outbox command, as it sent it (problem type, English detail, field errors; JSON): the
-- clerk's screen tells it in her language from the type and the fields. last_error keeps the English words, as before,
-- and is all a command refused before this version has.
ALTER TABLE outbox ADD COLUMN refusal CLOB;
