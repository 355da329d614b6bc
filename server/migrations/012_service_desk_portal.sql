-- The service desk in Postgres beyond migration 011 (issue 5).

-- the status and priority changes of a ticket, [effectiveAt, field, value], oldest first:
-- lists, reports and rules read the SLA clock from the row, without the ticket's document
ALTER TABLE tickets ADD COLUMN sla_log jsonb NOT NULL DEFAULT '[]';

-- the ticket types of the catalog, with the follow-up questions a portal request asks
CREATE TABLE ticket_types (
	tenant_id uuid NOT NULL,
	id text NOT NULL,
	name text NOT NULL,
	sub_types text,
	questions text,
	portal boolean NOT NULL,
	deleted_at timestamptz,
	doc_name text NOT NULL,
	doc_version bigint NOT NULL,
	row_version bigint NOT NULL DEFAULT nextval('row_versions'),
	PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ticket_types_feed ON ticket_types (tenant_id, row_version);
CREATE INDEX ticket_types_doc ON ticket_types (tenant_id, doc_name);

-- the tenant's own statuses (none: the defaults of settings.ts), so the portal and reports name them
CREATE TABLE ticket_statuses (
	tenant_id uuid NOT NULL,
	id text NOT NULL,
	name text NOT NULL,
	pauses_sla boolean NOT NULL,
	done boolean NOT NULL,
	rank text,
	deleted_at timestamptz,
	doc_name text NOT NULL,
	doc_version bigint NOT NULL,
	row_version bigint NOT NULL DEFAULT nextval('row_versions'),
	PRIMARY KEY (tenant_id, id)
);
CREATE INDEX ticket_statuses_feed ON ticket_statuses (tenant_id, row_version);
CREATE INDEX ticket_statuses_doc ON ticket_statuses (tenant_id, doc_name);

-- The portal: a company's contacts see the company's tickets and their public notes, and
-- the types offered to them; never internal notes, the alert keys or who made a ticket.
GRANT SELECT (tenant_id, id, name, questions, portal, deleted_at) ON ticket_types TO stackdesk_portal;
GRANT SELECT (tenant_id, id, name, done, deleted_at) ON ticket_statuses TO stackdesk_portal;
GRANT SELECT (tenant_id, id, number, title, description, customer_id, contact_id, type, sub_type, source, due_date,
	answers, status, priority, status_since, last_activity_at, created_at, deleted_at) ON tickets TO stackdesk_portal;
GRANT SELECT (tenant_id, id, ticket_id, body, visibility, by, origin, at, deleted_at) ON ticket_notes TO stackdesk_portal;
ALTER TABLE ticket_types ENABLE ROW LEVEL SECURITY;
ALTER TABLE ticket_statuses ENABLE ROW LEVEL SECURITY;
CREATE POLICY portal_tenant ON ticket_statuses FOR SELECT TO stackdesk_portal
	USING (tenant_id = current_setting('stackdesk.tenant_id')::uuid);
ALTER TABLE tickets ENABLE ROW LEVEL SECURITY;
ALTER TABLE ticket_notes ENABLE ROW LEVEL SECURITY;
CREATE POLICY portal_offered ON ticket_types FOR SELECT TO stackdesk_portal
	USING (tenant_id = current_setting('stackdesk.tenant_id')::uuid AND portal);
CREATE POLICY portal_own_company ON tickets FOR SELECT TO stackdesk_portal
	USING (tenant_id = current_setting('stackdesk.tenant_id')::uuid AND customer_id = current_setting('stackdesk.customer_id'));
-- the tickets in this subquery are themselves filtered to the company by their policy
CREATE POLICY portal_public_notes ON ticket_notes FOR SELECT TO stackdesk_portal
	USING (tenant_id = current_setting('stackdesk.tenant_id')::uuid AND visibility = 'public' AND EXISTS (
		SELECT 1 FROM tickets t WHERE t.tenant_id = ticket_notes.tenant_id AND t.id = ticket_notes.ticket_id));
