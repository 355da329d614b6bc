-- Projections of ticket documents (issue 5), and the facts only the server decides about
-- tickets: their numbers and when it first saw each workflow event (decision 017).
-- Same conventions as 002 and 006: tenant_id leads the key, row_version feeds the browsers.

-- what workflow rules and SLAs look at: a customer's class and lead tech, an agreement's SLA policy
ALTER TABLE customers ADD COLUMN classification text, ADD COLUMN lead_tech_id text;
ALTER TABLE customer_contracts ADD COLUMN sla_policy_id text;

CREATE TABLE tickets (
	tenant_id uuid NOT NULL,
	id text NOT NULL,
	number bigint,
	title text NOT NULL,
	description text,
	customer_id text,
	site_id text,
	contact_id text,
	type text,
	sub_type text,
	source text NOT NULL,
	due_date date,
	related_ids text[] NOT NULL,
	alert_key text,
	answers text,
	status text,
	priority text,
	assignee text,
	queue text,
	status_since timestamptz,
	first_response_at timestamptz,
	last_activity_at timestamptz,
	checklist_done integer NOT NULL,
	checklist_total integer NOT NULL,
	created_at timestamptz,
	created_by text,
	deleted_at timestamptz,
	doc_name text NOT NULL,
	doc_version bigint NOT NULL,
	row_version bigint NOT NULL DEFAULT nextval('row_versions'),
	PRIMARY KEY (tenant_id, id)
);
CREATE INDEX tickets_feed ON tickets (tenant_id, row_version);
CREATE INDEX tickets_doc ON tickets (tenant_id, doc_name);
CREATE INDEX tickets_customer ON tickets (tenant_id, customer_id, created_at DESC);
CREATE INDEX tickets_alert ON tickets (tenant_id, alert_key) WHERE alert_key IS NOT NULL AND deleted_at IS NULL;
CREATE INDEX tickets_number ON tickets (tenant_id, number);

CREATE TABLE ticket_events (
	tenant_id uuid NOT NULL,
	id text NOT NULL,
	ticket_id text NOT NULL,
	at timestamptz NOT NULL,
	effective_at timestamptz NOT NULL,
	by text,
	field text NOT NULL,
	value text,
	deleted_at timestamptz,
	doc_name text NOT NULL,
	doc_version bigint NOT NULL,
	row_version bigint NOT NULL DEFAULT nextval('row_versions'),
	PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ticket_events_feed ON ticket_events (tenant_id, row_version);
CREATE INDEX ticket_events_doc ON ticket_events (tenant_id, doc_name);
CREATE INDEX ticket_events_ticket ON ticket_events (tenant_id, ticket_id, effective_at);

CREATE TABLE ticket_notes (
	tenant_id uuid NOT NULL,
	id text NOT NULL,
	ticket_id text NOT NULL,
	body text NOT NULL,
	visibility text NOT NULL,
	by text,
	origin text NOT NULL,
	at timestamptz,
	deleted_at timestamptz,
	doc_name text NOT NULL,
	doc_version bigint NOT NULL,
	row_version bigint NOT NULL DEFAULT nextval('row_versions'),
	PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ticket_notes_feed ON ticket_notes (tenant_id, row_version);
CREATE INDEX ticket_notes_doc ON ticket_notes (tenant_id, doc_name);
CREATE INDEX ticket_notes_ticket ON ticket_notes (tenant_id, ticket_id, at);

CREATE TABLE ticket_visits (
	tenant_id uuid NOT NULL,
	id text NOT NULL,
	ticket_id text NOT NULL,
	user_id text NOT NULL,
	day date NOT NULL,
	start_minute integer,
	minutes integer,
	deleted_at timestamptz,
	doc_name text NOT NULL,
	doc_version bigint NOT NULL,
	row_version bigint NOT NULL DEFAULT nextval('row_versions'),
	PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ticket_visits_feed ON ticket_visits (tenant_id, row_version);
CREATE INDEX ticket_visits_doc ON ticket_visits (tenant_id, doc_name);
CREATE INDEX ticket_visits_day ON ticket_visits (tenant_id, day, user_id);

-- the authority for ticket numbers: gapless per tenant from the `ticket` counter, one per ticket
CREATE TABLE ticket_numbers (
	tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
	ticket_id text NOT NULL,
	number bigint NOT NULL,
	assigned_at timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (tenant_id, ticket_id),
	UNIQUE (tenant_id, number)
);
