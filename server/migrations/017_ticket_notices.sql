-- Ticket notices, each given once on whichever node gets there first: the person a ticket
-- is assigned to (by someone else) is told in the app and by mail; a public note from
-- staff is mailed to the ticket's contact. The item is the assignment event or the note.
CREATE TABLE ticket_notices (
	tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
	item_id text NOT NULL,
	noticed_at timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (tenant_id, item_id)
);
