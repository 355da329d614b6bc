-- Projections of timesheet documents (issue 6): one person's ISO week, its time
-- entries and expenses. Same conventions as 002 and 011: tenant_id leads the key,
-- row_version orders changes. Approvals and locks come later, in tables of their own.

CREATE TABLE timesheets (
	tenant_id uuid NOT NULL,
	id text NOT NULL,
	user_id text NOT NULL,
	week text NOT NULL,
	status text NOT NULL,
	submitted_at timestamptz,
	deleted_at timestamptz,
	doc_name text NOT NULL,
	doc_version bigint NOT NULL,
	row_version bigint NOT NULL DEFAULT nextval('row_versions'),
	PRIMARY KEY (tenant_id, id)
);
CREATE INDEX timesheets_feed ON timesheets (tenant_id, row_version);
CREATE INDEX timesheets_doc ON timesheets (tenant_id, doc_name);
CREATE INDEX timesheets_week ON timesheets (tenant_id, week, user_id);

CREATE TABLE time_entries (
	tenant_id uuid NOT NULL,
	id text NOT NULL,
	user_id text NOT NULL,
	week text NOT NULL,
	date date NOT NULL,
	start_minute integer,
	end_minute integer,
	minutes integer NOT NULL,
	ticket_id text,
	task_id text,
	project_id text,
	customer_id text,
	work_role text,
	billable boolean NOT NULL,
	notes text,
	created_at timestamptz,
	deleted_at timestamptz,
	doc_name text NOT NULL,
	doc_version bigint NOT NULL,
	row_version bigint NOT NULL DEFAULT nextval('row_versions'),
	PRIMARY KEY (tenant_id, id)
);
CREATE INDEX time_entries_feed ON time_entries (tenant_id, row_version);
CREATE INDEX time_entries_doc ON time_entries (tenant_id, doc_name);
-- a person's weeks, a ticket's and a task's totals, a customer's billable time
CREATE INDEX time_entries_user ON time_entries (tenant_id, user_id, date);
CREATE INDEX time_entries_ticket ON time_entries (tenant_id, ticket_id) WHERE ticket_id IS NOT NULL;
CREATE INDEX time_entries_task ON time_entries (tenant_id, task_id) WHERE task_id IS NOT NULL;
CREATE INDEX time_entries_customer ON time_entries (tenant_id, customer_id, date) WHERE customer_id IS NOT NULL;

CREATE TABLE expenses (
	tenant_id uuid NOT NULL,
	id text NOT NULL,
	user_id text NOT NULL,
	week text NOT NULL,
	date date NOT NULL,
	category text NOT NULL,
	amount bigint NOT NULL,
	billable boolean NOT NULL,
	markup_basis_points integer NOT NULL,
	receipt_file_id text,
	customer_id text,
	ticket_id text,
	project_id text,
	notes text,
	created_at timestamptz,
	deleted_at timestamptz,
	doc_name text NOT NULL,
	doc_version bigint NOT NULL,
	row_version bigint NOT NULL DEFAULT nextval('row_versions'),
	PRIMARY KEY (tenant_id, id)
);
CREATE INDEX expenses_feed ON expenses (tenant_id, row_version);
CREATE INDEX expenses_doc ON expenses (tenant_id, doc_name);
CREATE INDEX expenses_user ON expenses (tenant_id, user_id, date);
CREATE INDEX expenses_customer ON expenses (tenant_id, customer_id, date) WHERE customer_id IS NOT NULL;
