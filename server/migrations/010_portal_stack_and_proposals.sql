-- The portal (issue 4) shows a company its products, devices and quantities, and lets its
-- contacts propose changes to the company profile and contacts, which staff accept or
-- decline. The portal never writes a document: an accepted proposal is written into the
-- customer document by the server, on the accepting staff member's behalf (decision 016).

-- what the company runs: its deployments and devices, and only the names of the products,
-- vendors and categories it runs (never the MSP's costs or prices)
GRANT SELECT ON deployments, devices TO stackdesk_portal;
GRANT SELECT (tenant_id, id, name, vendor_id, category_id, unit, deleted_at) ON products TO stackdesk_portal;
GRANT SELECT (tenant_id, id, name, deleted_at) ON vendors, categories TO stackdesk_portal;
ALTER TABLE deployments ENABLE ROW LEVEL SECURITY;
ALTER TABLE devices ENABLE ROW LEVEL SECURITY;
ALTER TABLE products ENABLE ROW LEVEL SECURITY;
ALTER TABLE vendors ENABLE ROW LEVEL SECURITY;
ALTER TABLE categories ENABLE ROW LEVEL SECURITY;
CREATE POLICY portal_own_company ON deployments FOR SELECT TO stackdesk_portal
	USING (tenant_id = current_setting('stackdesk.tenant_id')::uuid AND customer_id = current_setting('stackdesk.customer_id'));
CREATE POLICY portal_own_company ON devices FOR SELECT TO stackdesk_portal
	USING (tenant_id = current_setting('stackdesk.tenant_id')::uuid AND customer_id = current_setting('stackdesk.customer_id'));
-- the deployments in these subqueries are themselves filtered to the company by their policy
CREATE POLICY portal_own_company ON products FOR SELECT TO stackdesk_portal
	USING (tenant_id = current_setting('stackdesk.tenant_id')::uuid AND EXISTS (
		SELECT 1 FROM deployments d WHERE d.tenant_id = products.tenant_id AND d.product_id = products.id));
CREATE POLICY portal_own_company ON vendors FOR SELECT TO stackdesk_portal
	USING (tenant_id = current_setting('stackdesk.tenant_id')::uuid AND EXISTS (
		SELECT 1 FROM products p WHERE p.tenant_id = vendors.tenant_id AND p.vendor_id = vendors.id));
CREATE POLICY portal_own_company ON categories FOR SELECT TO stackdesk_portal
	USING (tenant_id = current_setting('stackdesk.tenant_id')::uuid AND EXISTS (
		SELECT 1 FROM products p WHERE p.tenant_id = categories.tenant_id AND p.category_id = categories.id));

CREATE TABLE portal_proposals (
	tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
	id uuid NOT NULL,
	customer_id text NOT NULL,
	portal_user_id uuid NOT NULL,
	-- who proposed it, as they were then (a portal account can be removed later)
	proposed_by text NOT NULL,
	-- 'profile' (the company), 'contact' (a change to one), 'new-contact', 'contact-left'
	kind text NOT NULL CHECK (kind IN ('profile', 'contact', 'new-contact', 'contact-left')),
	-- the contact changed or gone; null for the profile and a new contact
	contact_id text,
	-- what it is about as the contact saw it: the company's or the contact's name
	subject text NOT NULL,
	-- field → { "from": what the contact saw, "to": what they propose }
	changes jsonb NOT NULL,
	note text,
	status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'declined')),
	created_at timestamptz NOT NULL DEFAULT now(),
	decided_at timestamptz,
	decided_by uuid,
	decided_by_name text,
	decision_note text,
	PRIMARY KEY (tenant_id, id),
	FOREIGN KEY (tenant_id, portal_user_id) REFERENCES portal_users (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX portal_proposals_customer ON portal_proposals (tenant_id, customer_id, created_at DESC);
CREATE INDEX portal_proposals_pending ON portal_proposals (tenant_id, created_at) WHERE status = 'pending';

GRANT SELECT ON portal_proposals TO stackdesk_portal;
ALTER TABLE portal_proposals ENABLE ROW LEVEL SECURITY;
CREATE POLICY portal_own_company ON portal_proposals FOR SELECT TO stackdesk_portal
	USING (tenant_id = current_setting('stackdesk.tenant_id')::uuid AND customer_id = current_setting('stackdesk.customer_id'));
