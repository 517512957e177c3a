-- A payment a clerk took offline that a supervisor entered with her own login (past the offline window, or after the
-- clerk had gone): the payment stays the clerk's (clerk_user_id), the supervisor who approved it is kept beside it.
ALTER TABLE payments ADD COLUMN approved_by_user_id BIGINT REFERENCES users (id);
