-- Customer fields the ITFlow client template carries and billing will use.
ALTER TABLE customers
	ADD COLUMN referral text,
	ADD COLUMN abbreviation text,
	ADD COLUMN hourly_rate bigint,
	ADD COLUMN currency text,
	ADD COLUMN payment_terms_days integer,
	ADD COLUMN tax_id text;
