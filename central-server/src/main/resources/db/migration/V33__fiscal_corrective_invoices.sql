-- Corrective invoices (spec 3.7.1, CorrectiveInv): when a fiscalized payment is voided, a second invoice with
-- negative amounts refers to the first by its IIC. A payment has at most one sale and one corrective invoice.
ALTER TABLE fiscal_invoices ADD COLUMN kind VARCHAR(10) DEFAULT 'SALE' NOT NULL;
ALTER TABLE fiscal_invoices ADD COLUMN corrects_iic VARCHAR(32);
ALTER TABLE fiscal_invoices ADD COLUMN corrects_issue_date_time VARCHAR(25);
ALTER TABLE fiscal_invoices DROP CONSTRAINT fiscal_invoices_payment_unique;
ALTER TABLE fiscal_invoices ADD CONSTRAINT fiscal_invoices_payment_kind_unique UNIQUE (payment_id, kind);
