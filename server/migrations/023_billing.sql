-- Billing (issue 7). Projections of what billing prices by — service plans, program levels,
-- roles, tax rates (catalog), plan associations, rate overrides and each agreement's
-- billing terms (contracts) — and the billing itself, which lives in Postgres
-- only: runs and their draft lines, posted invoices (immutable), what each invoice billed,
-- payments and reminders.

ALTER TABLE customers ADD COLUMN tax_region text;
ALTER TABLE customer_contracts
	ADD COLUMN due_days integer, ADD COLUMN bill_to_email text, ADD COLUMN program_id text, ADD COLUMN ends_on date,
	ADD COLUMN block_minutes integer, ADD COLUMN block_price bigint, ADD COLUMN block_expires_on date,
	ADD COLUMN low_balance_minutes integer, ADD COLUMN overage_rate bigint, ADD COLUMN increment_minutes integer,
	ADD COLUMN minimum_minutes integer, ADD COLUMN after_hours_basis_points integer, ADD COLUMN fixed_price bigint;

CREATE TABLE service_plans (
	tenant_id uuid NOT NULL,
	id text NOT NULL,
	name text NOT NULL,
	basis text NOT NULL,
	workstation_price bigint, workstation_cost bigint,
	server_price bigint, server_cost bigint,
	mobile_price bigint, mobile_cost bigint,
	user_price bigint, user_cost bigint,
	flat_price bigint, flat_cost bigint,
	includes text,
	taxable boolean NOT NULL,
	deleted_at timestamptz,
	doc_name text NOT NULL,
	doc_version bigint NOT NULL,
	row_version bigint NOT NULL DEFAULT nextval('row_versions'),
	PRIMARY KEY (tenant_id, id)
);
CREATE INDEX service_plans_doc ON service_plans (tenant_id, doc_name);

CREATE TABLE programs (
	tenant_id uuid NOT NULL,
	id text NOT NULL,
	name text NOT NULL,
	plan_ids text[] NOT NULL,
	covered_work text,
	rate_basis_points integer NOT NULL,
	description text,
	deleted_at timestamptz,
	doc_name text NOT NULL,
	doc_version bigint NOT NULL,
	row_version bigint NOT NULL DEFAULT nextval('row_versions'),
	PRIMARY KEY (tenant_id, id)
);
CREATE INDEX programs_doc ON programs (tenant_id, doc_name);

CREATE TABLE roles (
	tenant_id uuid NOT NULL,
	id text NOT NULL,
	name text NOT NULL,
	rate_per_hour bigint,
	cost_per_hour bigint,
	deleted_at timestamptz,
	doc_name text NOT NULL,
	doc_version bigint NOT NULL,
	row_version bigint NOT NULL DEFAULT nextval('row_versions'),
	PRIMARY KEY (tenant_id, id)
);
CREATE INDEX roles_doc ON roles (tenant_id, doc_name);

CREATE TABLE tax_rates (
	tenant_id uuid NOT NULL,
	id text NOT NULL,
	name text NOT NULL,
	basis_points integer NOT NULL CHECK (basis_points BETWEEN 0 AND 10000),
	region text,
	deleted_at timestamptz,
	doc_name text NOT NULL,
	doc_version bigint NOT NULL,
	row_version bigint NOT NULL DEFAULT nextval('row_versions'),
	PRIMARY KEY (tenant_id, id)
);
CREATE INDEX tax_rates_doc ON tax_rates (tenant_id, doc_name);

CREATE TABLE plan_associations (
	tenant_id uuid NOT NULL,
	id text NOT NULL,
	customer_id text NOT NULL,
	plan_id text NOT NULL,
	contract_id text,
	cycle text NOT NULL,
	due_days integer,
	bill_to_email text,
	start_date date,
	end_date date,
	workstations integer, servers integer, mobiles integer, users integer,
	price_override bigint,
	deleted_at timestamptz,
	doc_name text NOT NULL,
	doc_version bigint NOT NULL,
	row_version bigint NOT NULL DEFAULT nextval('row_versions'),
	PRIMARY KEY (tenant_id, id)
);
CREATE INDEX plan_associations_doc ON plan_associations (tenant_id, doc_name);
CREATE INDEX plan_associations_customer ON plan_associations (tenant_id, customer_id);

CREATE TABLE rate_overrides (
	tenant_id uuid NOT NULL,
	id text NOT NULL,
	contract_id text NOT NULL,
	role text NOT NULL,
	rate_per_hour bigint,
	deleted_at timestamptz,
	doc_name text NOT NULL,
	doc_version bigint NOT NULL,
	row_version bigint NOT NULL DEFAULT nextval('row_versions'),
	PRIMARY KEY (tenant_id, id)
);
CREATE INDEX rate_overrides_doc ON rate_overrides (tenant_id, doc_name);

-- A billing run drafts a period's invoices, one per customer, line by line; posting turns
-- the drafts into invoices in one transaction.
CREATE TABLE billing_runs (
	tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
	id uuid NOT NULL,
	period_start date NOT NULL,
	period_end date NOT NULL CHECK (period_end >= period_start),
	issued_on date NOT NULL,
	status text NOT NULL CHECK (status IN ('draft', 'posted')),
	created_by uuid,
	created_at timestamptz NOT NULL DEFAULT now(),
	drafted_at timestamptz,
	-- what the last draft could not bill, and the block balances it leaves: {problems, balances}
	draft_notes jsonb NOT NULL DEFAULT '{}',
	posted_by uuid,
	posted_at timestamptz,
	PRIMARY KEY (tenant_id, id)
);

-- per customer of a run: who the invoice goes to and when it is due
CREATE TABLE draft_invoices (
	tenant_id uuid NOT NULL,
	run_id uuid NOT NULL,
	customer_id text NOT NULL,
	customer_name text NOT NULL,
	currency text NOT NULL,
	due_days integer NOT NULL,
	bill_to jsonb NOT NULL,
	PRIMARY KEY (tenant_id, run_id, customer_id),
	FOREIGN KEY (tenant_id, run_id) REFERENCES billing_runs (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE draft_lines (
	tenant_id uuid NOT NULL,
	run_id uuid NOT NULL,
	line_no integer NOT NULL,
	customer_id text NOT NULL,
	contract_id text,
	kind text NOT NULL,
	source_kind text NOT NULL,
	source_id text NOT NULL,
	description text NOT NULL,
	service_date date,
	quantity numeric(14, 3) NOT NULL,
	unit_price bigint NOT NULL,
	amount bigint NOT NULL,
	taxable boolean NOT NULL,
	tax_basis_points integer NOT NULL,
	-- minutes of time the line bills or draws from a block, for balances and reports
	minutes integer,
	-- what the line cost the MSP (labour at cost rates, products, plans), for profitability
	cost bigint NOT NULL DEFAULT 0,
	-- an adjusted line keeps what the run worked out and why it was changed
	drafted_amount bigint,
	adjust_reason text,
	PRIMARY KEY (tenant_id, run_id, line_no),
	FOREIGN KEY (tenant_id, run_id) REFERENCES billing_runs (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX draft_lines_customer ON draft_lines (tenant_id, run_id, customer_id);

CREATE TABLE invoices (
	tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
	id uuid NOT NULL,
	number text NOT NULL,
	run_id uuid,
	customer_id text NOT NULL,
	customer_name text NOT NULL,
	bill_to jsonb NOT NULL,
	issued_on date NOT NULL,
	due_on date NOT NULL,
	period_start date NOT NULL,
	period_end date NOT NULL,
	currency text NOT NULL,
	terms text NOT NULL,
	credit_of uuid,
	subtotal bigint NOT NULL,
	tax bigint NOT NULL,
	total bigint NOT NULL,
	tax_by_rate jsonb NOT NULL,
	status text NOT NULL CHECK (status IN ('posted', 'sent', 'paid', 'void')),
	sent_at timestamptz,
	paid bigint NOT NULL DEFAULT 0,
	-- what credit notes took off it (a positive sum)
	credited bigint NOT NULL DEFAULT 0,
	posted_by uuid,
	posted_at timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (tenant_id, id),
	UNIQUE (tenant_id, number)
);
CREATE INDEX invoices_customer ON invoices (tenant_id, customer_id, issued_on);
CREATE INDEX invoices_run ON invoices (tenant_id, run_id);

CREATE TABLE invoice_lines (
	tenant_id uuid NOT NULL,
	invoice_id uuid NOT NULL,
	line_no integer NOT NULL,
	contract_id text,
	kind text NOT NULL,
	source_kind text NOT NULL,
	source_id text NOT NULL,
	description text NOT NULL,
	service_date date,
	quantity numeric(14, 3) NOT NULL,
	unit_price bigint NOT NULL,
	amount bigint NOT NULL,
	taxable boolean NOT NULL,
	tax_basis_points integer NOT NULL,
	minutes integer,
	cost bigint NOT NULL DEFAULT 0,
	PRIMARY KEY (tenant_id, invoice_id, line_no),
	FOREIGN KEY (tenant_id, invoice_id) REFERENCES invoices (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX invoice_lines_contract ON invoice_lines (tenant_id, contract_id) WHERE contract_id IS NOT NULL;

-- What a posted invoice billed: a source bills once (the key), so a re-run or a second
-- run over the same period bills nothing twice.
CREATE TABLE billed_sources (
	tenant_id uuid NOT NULL,
	source_kind text NOT NULL,
	source_id text NOT NULL,
	invoice_id uuid NOT NULL,
	PRIMARY KEY (tenant_id, source_kind, source_id)
);

CREATE TABLE payments (
	tenant_id uuid NOT NULL,
	id uuid NOT NULL,
	invoice_id uuid NOT NULL,
	amount bigint NOT NULL CHECK (amount > 0),
	paid_on date NOT NULL,
	method text,
	reference text,
	recorded_by uuid,
	recorded_at timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (tenant_id, id),
	FOREIGN KEY (tenant_id, invoice_id) REFERENCES invoices (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE invoice_reminders (
	tenant_id uuid NOT NULL,
	invoice_id uuid NOT NULL,
	sent_on date NOT NULL,
	PRIMARY KEY (tenant_id, invoice_id, sent_on),
	FOREIGN KEY (tenant_id, invoice_id) REFERENCES invoices (tenant_id, id) ON DELETE CASCADE
);

-- A posted invoice never changes (DESIGN.md §2): only its status, when it was sent and
-- what has been paid move; its lines never change at all.
CREATE FUNCTION invoices_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF (NEW.number, NEW.customer_id, NEW.bill_to, NEW.issued_on, NEW.due_on, NEW.currency, NEW.subtotal, NEW.tax, NEW.total, NEW.tax_by_rate, NEW.credit_of)
		IS DISTINCT FROM (OLD.number, OLD.customer_id, OLD.bill_to, OLD.issued_on, OLD.due_on, OLD.currency, OLD.subtotal, OLD.tax, OLD.total, OLD.tax_by_rate, OLD.credit_of) THEN
		RAISE EXCEPTION 'a posted invoice never changes: issue a credit note';
	END IF;
	RETURN NEW;
END $$;
CREATE TRIGGER invoices_immutable BEFORE UPDATE ON invoices FOR EACH ROW EXECUTE FUNCTION invoices_immutable();
CREATE FUNCTION invoice_lines_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'a posted invoice line never changes: issue a credit note';
END $$;
CREATE TRIGGER invoice_lines_immutable BEFORE UPDATE ON invoice_lines FOR EACH ROW EXECUTE FUNCTION invoice_lines_immutable();

-- The portal: a company's invoices and their lines, nothing of anyone else's.
GRANT SELECT (tenant_id, id, number, customer_id, bill_to, issued_on, due_on, period_start, period_end, currency, terms,
	credit_of, subtotal, tax, total, tax_by_rate, status, paid, credited) ON invoices TO stackdesk_portal;
GRANT SELECT (tenant_id, invoice_id, line_no, contract_id, kind, source_kind, source_id, description, service_date, quantity, unit_price,
	amount, taxable, tax_basis_points, minutes) ON invoice_lines TO stackdesk_portal;
ALTER TABLE invoices ENABLE ROW LEVEL SECURITY;
ALTER TABLE invoice_lines ENABLE ROW LEVEL SECURITY;
CREATE POLICY portal_own_company ON invoices FOR SELECT TO stackdesk_portal
	USING (tenant_id = current_setting('stackdesk.tenant_id')::uuid AND customer_id = current_setting('stackdesk.customer_id'));
CREATE POLICY portal_own_lines ON invoice_lines FOR SELECT TO stackdesk_portal
	USING (tenant_id = current_setting('stackdesk.tenant_id')::uuid AND EXISTS (
		SELECT 1 FROM invoices i WHERE i.tenant_id = invoice_lines.tenant_id AND i.id = invoice_lines.invoice_id));
