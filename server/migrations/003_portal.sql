-- The customer portal: contacts with portal access "view" get accounts of their own,
-- apart from staff users and sessions, so a portal session can never act as staff.

CREATE TABLE portal_users (
	tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
	id uuid NOT NULL,
	customer_id text NOT NULL,
	contact_id text NOT NULL,
	email text NOT NULL,
	name text NOT NULL,
	password_hash text,
	created_at timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (tenant_id, id),
	UNIQUE (tenant_id, contact_id)
);
CREATE UNIQUE INDEX portal_users_email ON portal_users (lower(email));

CREATE TABLE portal_invitations (
	tenant_id uuid NOT NULL,
	id uuid NOT NULL,
	portal_user_id uuid NOT NULL,
	token_hash text NOT NULL UNIQUE,
	expires_at timestamptz NOT NULL,
	accepted_at timestamptz,
	created_at timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (tenant_id, id),
	FOREIGN KEY (tenant_id, portal_user_id) REFERENCES portal_users (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE portal_sessions (
	id text PRIMARY KEY, -- hex SHA-256 of the token
	tenant_id uuid NOT NULL,
	portal_user_id uuid NOT NULL,
	expires_at timestamptz NOT NULL,
	created_at timestamptz NOT NULL DEFAULT now(),
	FOREIGN KEY (tenant_id, portal_user_id) REFERENCES portal_users (tenant_id, id) ON DELETE CASCADE
);

-- Row-level security as a second wall: portal reads run as this role with the
-- tenant and customer set for the transaction, and see no other company's rows
-- even if a query forgot its WHERE clause.
DO $$
BEGIN
	IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'stackdesk_portal') THEN
		CREATE ROLE stackdesk_portal NOLOGIN;
	END IF;
END
$$;
GRANT SELECT ON customers, sites, contacts TO stackdesk_portal;

ALTER TABLE customers ENABLE ROW LEVEL SECURITY;
ALTER TABLE sites ENABLE ROW LEVEL SECURITY;
ALTER TABLE contacts ENABLE ROW LEVEL SECURITY;

CREATE POLICY portal_own_company ON customers FOR SELECT TO stackdesk_portal
	USING (tenant_id = current_setting('stackdesk.tenant_id')::uuid AND id = current_setting('stackdesk.customer_id'));
CREATE POLICY portal_own_company ON sites FOR SELECT TO stackdesk_portal
	USING (tenant_id = current_setting('stackdesk.tenant_id')::uuid AND customer_id = current_setting('stackdesk.customer_id'));
CREATE POLICY portal_own_company ON contacts FOR SELECT TO stackdesk_portal
	USING (tenant_id = current_setting('stackdesk.tenant_id')::uuid AND customer_id = current_setting('stackdesk.customer_id'));
