-- The short code printed on every bill (issue 19): the citizen's second kind of proof, besides the last
-- bill's amount, when opening the account in the phone app or at a kiosk. Kept without the dash shown on
-- paper. Bills already here get theirs at the next start (BillCodes.backfill), as new bills do when loaded.
ALTER TABLE bills ADD COLUMN verify_code VARCHAR(12);
