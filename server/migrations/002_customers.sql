-- Projections of customer documents (DESIGN.md §4), the materializer's quarantine,
-- and the feed cursor: every projected row change takes the next row_version, so
-- browsers can ask for "everything since N".

CREATE SEQUENCE row_versions;

CREATE TABLE customers (
	tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
	id text NOT NULL,
	name text NOT NULL,
	status text NOT NULL,
	industry text,
	website text,
	phone text,
	email text,
	created_at timestamptz,
	deleted_at timestamptz,
	doc_name text NOT NULL,
	doc_version bigint NOT NULL,
	row_version bigint NOT NULL,
	PRIMARY KEY (tenant_id, id)
);
CREATE INDEX customers_feed ON customers (tenant_id, row_version);

CREATE TABLE sites (
	tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
	id text NOT NULL,
	customer_id text NOT NULL,
	name text NOT NULL,
	address1 text,
	address2 text,
	city text,
	region text,
	postal_code text,
	country text,
	phone text,
	hours text,
	deleted_at timestamptz,
	doc_name text NOT NULL,
	doc_version bigint NOT NULL,
	row_version bigint NOT NULL,
	PRIMARY KEY (tenant_id, id)
);
CREATE INDEX sites_feed ON sites (tenant_id, row_version);
CREATE INDEX sites_customer ON sites (tenant_id, customer_id);

CREATE TABLE contacts (
	tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
	id text NOT NULL,
	customer_id text NOT NULL,
	site_id text,
	name text NOT NULL,
	title text,
	email text,
	phone text,
	mobile text,
	portal_access text NOT NULL,
	deleted_at timestamptz,
	doc_name text NOT NULL,
	doc_version bigint NOT NULL,
	row_version bigint NOT NULL,
	PRIMARY KEY (tenant_id, id)
);
CREATE INDEX contacts_feed ON contacts (tenant_id, row_version);
CREATE INDEX contacts_customer ON contacts (tenant_id, customer_id);

-- records that failed validation; cleared when a later version of the record projects
CREATE TABLE materializer_errors (
	tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
	doc_name text NOT NULL,
	collection text NOT NULL,
	record_id text NOT NULL,
	reason text NOT NULL,
	doc_version bigint NOT NULL,
	first_seen_at timestamptz NOT NULL DEFAULT now(),
	last_seen_at timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (tenant_id, doc_name, collection, record_id)
);


-- at most one waiting outbox row per document: a burst of updates is one projection
CREATE UNIQUE INDEX outbox_waiting ON outbox (tenant_id, doc_name) WHERE claimed_until IS NULL;
CREATE INDEX outbox_doc ON outbox (tenant_id, doc_name);
