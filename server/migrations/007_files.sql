-- Uploaded files (contract documents now; ticket attachments and receipts later). The bytes
-- live under DATA_DIR/files/<tenant>/<id>; documents refer to a file by id from their
-- `attachments` records. The client makes the id (UUIDv7), so an upload queued offline
-- can be attached at once and sent later, and a re-sent upload is recognised.
CREATE TABLE files (
	tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
	id uuid NOT NULL,
	name text NOT NULL,
	mime text NOT NULL,
	size bigint NOT NULL,
	sha256 text NOT NULL,
	uploaded_by uuid,
	created_at timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (tenant_id, id)
);

-- the portal sees its own company's contracts and their attachments, nothing else (see 003)
GRANT SELECT ON customer_contracts, attachments TO stackdesk_portal;
ALTER TABLE customer_contracts ENABLE ROW LEVEL SECURITY;
ALTER TABLE attachments ENABLE ROW LEVEL SECURITY;
CREATE POLICY portal_own_company ON customer_contracts FOR SELECT TO stackdesk_portal
	USING (tenant_id = current_setting('stackdesk.tenant_id')::uuid AND customer_id = current_setting('stackdesk.customer_id'));
CREATE POLICY portal_own_company ON attachments FOR SELECT TO stackdesk_portal
	USING (tenant_id = current_setting('stackdesk.tenant_id')::uuid AND EXISTS (
		SELECT 1 FROM customer_contracts c
		WHERE c.tenant_id = attachments.tenant_id AND c.id = attachments.contract_id
		  AND c.customer_id = current_setting('stackdesk.customer_id')));
