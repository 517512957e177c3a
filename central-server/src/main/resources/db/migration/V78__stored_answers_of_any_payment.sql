-- A payment's stored answer lists every bill it paid (some 60 characters each). 8,000 characters held about 135
-- bills for a partner's payment and 20,000 about 340 for an idempotent request's answer; a customer owing more paid
-- them all at once got a 422 and nothing was booked, though a partner's customer had already paid the bank.
-- 1,000,000 characters hold some 16,000 bills. SET DATA TYPE reads the same on H2 and PostgreSQL and keeps NOT NULL;
-- on PostgreSQL widening a VARCHAR rewrites nothing.
ALTER TABLE channel_payments ALTER COLUMN response SET DATA TYPE VARCHAR(1000000);
ALTER TABLE idempotency_keys ALTER COLUMN response SET DATA TYPE VARCHAR(1000000);
