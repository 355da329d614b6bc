-- Assignment notices: the person a ticket is assigned to (by someone else) is told once,
-- in the app and by mail; an assignment event noticed is recorded here, on every node.
CREATE TABLE ticket_notices (
	tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
	event_id text NOT NULL,
	noticed_at timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (tenant_id, event_id)
);
