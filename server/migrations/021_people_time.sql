-- Time off and capacity (issue 6): Postgres only, no document. A request is one
-- person's, decided once by an approver; nothing offline edits it, so it needs no merge.

CREATE TABLE time_off_requests (
	tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
	id uuid NOT NULL,
	user_id uuid NOT NULL,
	kind text NOT NULL CHECK (kind IN ('vacation', 'sick', 'personal', 'other')),
	start_date date NOT NULL,
	end_date date NOT NULL,
	-- null: whole days (each day's capacity); else that many minutes off each working day
	minutes_per_day integer CHECK (minutes_per_day BETWEEN 1 AND 1440),
	note text,
	status text NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'approved', 'rejected', 'cancelled')),
	-- who asked: the person, or an approver on their behalf (a sick day phoned in)
	created_by uuid,
	created_at timestamptz NOT NULL DEFAULT now(),
	decided_by uuid,
	decided_at timestamptz,
	comment text,
	PRIMARY KEY (tenant_id, id),
	CHECK (end_date >= start_date)
);
CREATE INDEX time_off_requests_user ON time_off_requests (tenant_id, user_id, start_date);
-- what the workload and utilization reports read: approved days in a window
CREATE INDEX time_off_requests_approved ON time_off_requests (tenant_id, start_date, end_date) WHERE status = 'approved';
CREATE INDEX time_off_requests_pending ON time_off_requests (tenant_id, created_at) WHERE status = 'requested';

-- minutes a person works on each weekday, Monday first; no row: 8 hours Monday to Friday
CREATE TABLE staff_capacity (
	tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
	user_id uuid NOT NULL,
	minutes integer[] NOT NULL CHECK (cardinality(minutes) = 7 AND 0 <= ALL (minutes) AND 1440 >= ALL (minutes)),
	updated_by uuid,
	updated_at timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (tenant_id, user_id)
);
