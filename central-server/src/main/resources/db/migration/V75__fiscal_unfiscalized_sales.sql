-- A sale taken while its fiscal set-up was incomplete (the counter not yet a TCR, the clerk without an operator
-- code, the taxpayer keystore unreadable) is recorded as an UNFISCALIZED invoice, so it shows on the pending list,
-- the metrics and the 48-hour alert, and the fiscal outbox issues it late once the set-up is complete (ADR 0007,
-- addendum). Until then it has no TCR, number, operator or IIC; every other invoice has them all.
ALTER TABLE fiscal_invoices ALTER COLUMN tcr_code DROP NOT NULL;
ALTER TABLE fiscal_invoices ALTER COLUMN busin_unit_code DROP NOT NULL;
ALTER TABLE fiscal_invoices ALTER COLUMN operator_code DROP NOT NULL;
ALTER TABLE fiscal_invoices ALTER COLUMN soft_code DROP NOT NULL;
ALTER TABLE fiscal_invoices ALTER COLUMN inv_ord_num DROP NOT NULL;
ALTER TABLE fiscal_invoices ALTER COLUMN inv_num DROP NOT NULL;
ALTER TABLE fiscal_invoices ALTER COLUMN iic DROP NOT NULL;
ALTER TABLE fiscal_invoices ALTER COLUMN iic_signature DROP NOT NULL;
ALTER TABLE fiscal_invoices ADD CONSTRAINT fiscal_invoices_issued CHECK (status = 'UNFISCALIZED'
    OR (tcr_code IS NOT NULL AND busin_unit_code IS NOT NULL AND operator_code IS NOT NULL AND soft_code IS NOT NULL
        AND inv_ord_num IS NOT NULL AND inv_num IS NOT NULL AND iic IS NOT NULL AND iic_signature IS NOT NULL));
-- The clerk who took the sale (or the supervisor who voided it): whose operator code a late issue uses.
ALTER TABLE fiscal_invoices ADD COLUMN clerk_id BIGINT;
ALTER TABLE fiscal_invoices ADD CONSTRAINT fiscal_invoices_clerk_fk FOREIGN KEY (clerk_id) REFERENCES users (id);
-- Why the sale could not be fiscalized when it was taken; kept after the late issue, for the record.
ALTER TABLE fiscal_invoices ADD COLUMN unfiscalized_reason VARCHAR(500);
