-- Projections of the stack, the catalog and contracts (issue 4): deployments and devices
-- from customer documents, vendors/categories/products/vendor contracts/custom fields
-- from T:catalog, customer contracts from T:contracts, attachments from both. Same
-- conventions as 002 and 004: tenant_id leads the key, row_version feeds the browsers.

CREATE TABLE deployments (
	tenant_id uuid NOT NULL,
	id text NOT NULL,
	customer_id text NOT NULL,
	product_id text NOT NULL,
	quantity integer NOT NULL,
	since date,
	site_id text,
	notes text,
	deleted_at timestamptz,
	doc_name text NOT NULL,
	doc_version bigint NOT NULL,
	row_version bigint NOT NULL DEFAULT nextval('row_versions'),
	PRIMARY KEY (tenant_id, id)
);
CREATE INDEX deployments_feed ON deployments (tenant_id, row_version);
CREATE INDEX deployments_doc ON deployments (tenant_id, doc_name);

CREATE TABLE devices (
	tenant_id uuid NOT NULL,
	id text NOT NULL,
	customer_id text NOT NULL,
	name text NOT NULL,
	type text NOT NULL,
	make text,
	model text,
	serial text,
	os text,
	purchase_date date,
	warranty_expiry date,
	contact_id text,
	site_id text,
	location text,
	notes text,
	deleted_at timestamptz,
	doc_name text NOT NULL,
	doc_version bigint NOT NULL,
	row_version bigint NOT NULL DEFAULT nextval('row_versions'),
	PRIMARY KEY (tenant_id, id)
);
CREATE INDEX devices_feed ON devices (tenant_id, row_version);
CREATE INDEX devices_doc ON devices (tenant_id, doc_name);

CREATE TABLE vendors (
	tenant_id uuid NOT NULL,
	id text NOT NULL,
	name text NOT NULL,
	website text,
	phone text,
	email text,
	account_number text,
	notes text,
	deleted_at timestamptz,
	doc_name text NOT NULL,
	doc_version bigint NOT NULL,
	row_version bigint NOT NULL DEFAULT nextval('row_versions'),
	PRIMARY KEY (tenant_id, id)
);
CREATE INDEX vendors_feed ON vendors (tenant_id, row_version);
CREATE INDEX vendors_doc ON vendors (tenant_id, doc_name);

CREATE TABLE categories (
	tenant_id uuid NOT NULL,
	id text NOT NULL,
	name text NOT NULL,
	deleted_at timestamptz,
	doc_name text NOT NULL,
	doc_version bigint NOT NULL,
	row_version bigint NOT NULL DEFAULT nextval('row_versions'),
	PRIMARY KEY (tenant_id, id)
);
CREATE INDEX categories_feed ON categories (tenant_id, row_version);
CREATE INDEX categories_doc ON categories (tenant_id, doc_name);

CREATE TABLE products (
	tenant_id uuid NOT NULL,
	id text NOT NULL,
	name text NOT NULL,
	vendor_id text,
	category_id text,
	sku text,
	unit_cost bigint,
	unit_price bigint,
	unit text NOT NULL,
	description text,
	deleted_at timestamptz,
	doc_name text NOT NULL,
	doc_version bigint NOT NULL,
	row_version bigint NOT NULL DEFAULT nextval('row_versions'),
	PRIMARY KEY (tenant_id, id)
);
CREATE INDEX products_feed ON products (tenant_id, row_version);
CREATE INDEX products_doc ON products (tenant_id, doc_name);

CREATE TABLE vendor_contracts (
	tenant_id uuid NOT NULL,
	id text NOT NULL,
	name text NOT NULL,
	vendor_id text,
	product_ids text[] NOT NULL,
	start_date date,
	term_months integer,
	renewal_date date,
	auto_renew boolean NOT NULL,
	notice_days integer,
	amount_per_period bigint,
	period text NOT NULL,
	reminder_days text,
	notes text,
	deleted_at timestamptz,
	doc_name text NOT NULL,
	doc_version bigint NOT NULL,
	row_version bigint NOT NULL DEFAULT nextval('row_versions'),
	PRIMARY KEY (tenant_id, id)
);
CREATE INDEX vendor_contracts_feed ON vendor_contracts (tenant_id, row_version);
CREATE INDEX vendor_contracts_doc ON vendor_contracts (tenant_id, doc_name);

CREATE TABLE custom_fields (
	tenant_id uuid NOT NULL,
	id text NOT NULL,
	label text NOT NULL,
	type text NOT NULL,
	choices text,
	rank text,
	deleted_at timestamptz,
	doc_name text NOT NULL,
	doc_version bigint NOT NULL,
	row_version bigint NOT NULL DEFAULT nextval('row_versions'),
	PRIMARY KEY (tenant_id, id)
);
CREATE INDEX custom_fields_feed ON custom_fields (tenant_id, row_version);
CREATE INDEX custom_fields_doc ON custom_fields (tenant_id, doc_name);

CREATE TABLE customer_contracts (
	tenant_id uuid NOT NULL,
	id text NOT NULL,
	customer_id text NOT NULL,
	name text NOT NULL,
	party text NOT NULL,
	type text,
	vendor_name text,
	start_date date,
	term_months integer,
	renewal_date date,
	auto_renew boolean NOT NULL,
	notice_days integer,
	amount_per_period bigint,
	period text NOT NULL,
	reminder_days text,
	notes text,
	deleted_at timestamptz,
	doc_name text NOT NULL,
	doc_version bigint NOT NULL,
	row_version bigint NOT NULL DEFAULT nextval('row_versions'),
	PRIMARY KEY (tenant_id, id)
);
CREATE INDEX customer_contracts_feed ON customer_contracts (tenant_id, row_version);
CREATE INDEX customer_contracts_doc ON customer_contracts (tenant_id, doc_name);

CREATE TABLE attachments (
	tenant_id uuid NOT NULL,
	id text NOT NULL,
	contract_id text NOT NULL,
	file_id text NOT NULL,
	name text NOT NULL,
	size bigint NOT NULL,
	mime text NOT NULL,
	uploaded_at timestamptz,
	uploaded_by text,
	deleted_at timestamptz,
	doc_name text NOT NULL,
	doc_version bigint NOT NULL,
	row_version bigint NOT NULL DEFAULT nextval('row_versions'),
	PRIMARY KEY (tenant_id, id)
);
CREATE INDEX attachments_feed ON attachments (tenant_id, row_version);
CREATE INDEX attachments_doc ON attachments (tenant_id, doc_name);

CREATE INDEX deployments_product ON deployments (tenant_id, product_id);
CREATE INDEX deployments_customer ON deployments (tenant_id, customer_id);
CREATE INDEX devices_customer ON devices (tenant_id, customer_id);
CREATE INDEX customer_contracts_customer ON customer_contracts (tenant_id, customer_id);
CREATE INDEX attachments_file ON attachments (tenant_id, file_id);

-- the materializer finds a document's rows by doc_name (stamping versions, marking vanished
-- rows); without these it read every row of the tenant for each document it wrote
CREATE INDEX customers_doc ON customers (tenant_id, doc_name);
CREATE INDEX sites_doc ON sites (tenant_id, doc_name);
CREATE INDEX contacts_doc ON contacts (tenant_id, doc_name);
