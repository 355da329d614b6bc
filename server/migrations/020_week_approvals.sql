-- Week approvals (issue 6, decision 026): Postgres decides whether a person's ISO week
-- is submitted, approved or rejected; the server stamps the decision into the week's
-- document. approved_snapshot is what the approver saw (the week's live entries and
-- expenses); once the week's rows differ from it, the week is changed after approval:
-- kept, shown to the approver, held out of billing until approved again.

CREATE TABLE week_approvals (
	tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
	user_id text NOT NULL,
	week text NOT NULL CHECK (week ~ '^\d{4}-W\d{2}$'),
	status text NOT NULL CHECK (status IN ('submitted', 'approved', 'rejected')),
	-- the submittedAt of the document's entity this decision answers: a new one is a new submission
	submitted_at timestamptz,
	decided_at timestamptz,
	decided_by uuid,
	comment text,
	approved_snapshot jsonb,
	changed_after_approval boolean NOT NULL DEFAULT false,
	PRIMARY KEY (tenant_id, user_id, week)
);
CREATE INDEX week_approvals_status ON week_approvals (tenant_id, status, week);

-- a tenant that trusts its people's weeks approves each one as it is submitted
ALTER TABLE tenants ADD COLUMN auto_approve_timesheets boolean NOT NULL DEFAULT false;
