-- Projections of project documents (issue 6): projects, their phases and tasks.
-- Same conventions as 002, 006 and 011: tenant_id leads the key, row_version feeds the browsers.

CREATE TABLE projects (
	tenant_id uuid NOT NULL,
	id text NOT NULL,
	name text NOT NULL,
	customer_id text,
	contract_id text,
	status text NOT NULL,
	start_date date,
	due_date date,
	budget_minutes integer,
	budget_money bigint,
	task_count integer NOT NULL,
	tasks_done integer NOT NULL,
	estimate_minutes integer NOT NULL,
	percent_complete integer NOT NULL,
	created_at timestamptz,
	deleted_at timestamptz,
	doc_name text NOT NULL,
	doc_version bigint NOT NULL,
	row_version bigint NOT NULL DEFAULT nextval('row_versions'),
	PRIMARY KEY (tenant_id, id)
);
CREATE INDEX projects_feed ON projects (tenant_id, row_version);
CREATE INDEX projects_doc ON projects (tenant_id, doc_name);
-- the portfolio and a customer's projects
CREATE INDEX projects_customer ON projects (tenant_id, customer_id, due_date);

CREATE TABLE project_phases (
	tenant_id uuid NOT NULL,
	id text NOT NULL,
	project_id text NOT NULL,
	name text NOT NULL,
	rank text,
	start_date date,
	due_date date,
	deleted_at timestamptz,
	doc_name text NOT NULL,
	doc_version bigint NOT NULL,
	row_version bigint NOT NULL DEFAULT nextval('row_versions'),
	PRIMARY KEY (tenant_id, id)
);
CREATE INDEX project_phases_feed ON project_phases (tenant_id, row_version);
CREATE INDEX project_phases_doc ON project_phases (tenant_id, doc_name);

CREATE TABLE tasks (
	tenant_id uuid NOT NULL,
	id text NOT NULL,
	project_id text NOT NULL,
	phase_id text,
	title text NOT NULL,
	description text,
	assignees text[] NOT NULL,
	estimate_minutes integer,
	start_date date,
	due_date date,
	dependencies text[] NOT NULL,
	status text,
	rank text,
	done boolean NOT NULL,
	milestone boolean NOT NULL,
	fixed_price bigint,
	completed_at timestamptz,
	deleted_at timestamptz,
	doc_name text NOT NULL,
	doc_version bigint NOT NULL,
	row_version bigint NOT NULL DEFAULT nextval('row_versions'),
	PRIMARY KEY (tenant_id, id)
);
CREATE INDEX tasks_feed ON tasks (tenant_id, row_version);
CREATE INDEX tasks_doc ON tasks (tenant_id, doc_name);
CREATE INDEX tasks_project ON tasks (tenant_id, project_id);
-- what billing reads: completed fixed-price milestones
CREATE INDEX tasks_milestones ON tasks (tenant_id, completed_at) WHERE milestone AND fixed_price IS NOT NULL;
