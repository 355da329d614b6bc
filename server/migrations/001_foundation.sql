-- Foundation: tenants, people, sessions, invitations, audit, documents, outbox, counters, mail.
-- Tables that belong to a tenant lead their primary key with tenant_id (DESIGN.md §1).
-- users and sessions are global: a login names no tenant until it is checked (docs/decisions/002).

CREATE TABLE tenants (
	id uuid PRIMARY KEY,
	name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
	currency text NOT NULL DEFAULT 'USD' CHECK (currency ~ '^[A-Z]{3}$'),
	time_zone text NOT NULL DEFAULT 'UTC',
	created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
	id uuid PRIMARY KEY,
	email text NOT NULL,
	name text NOT NULL,
	password_hash text NOT NULL,
	created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));

CREATE TABLE memberships (
	tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
	user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	role text NOT NULL CHECK (role IN ('owner', 'admin', 'dispatcher', 'technician', 'billing')),
	created_at timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (tenant_id, user_id)
);
CREATE INDEX memberships_user ON memberships (user_id);

CREATE TABLE sessions (
	id text PRIMARY KEY, -- hex SHA-256 of the token; the token itself is never stored
	user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
	kind text NOT NULL CHECK (kind IN ('web', 'sync')),
	parent_id text REFERENCES sessions (id) ON DELETE CASCADE,
	expires_at timestamptz NOT NULL,
	created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expiry ON sessions (expires_at);

CREATE TABLE invitations (
	tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
	id uuid NOT NULL,
	email text NOT NULL,
	role text NOT NULL CHECK (role IN ('owner', 'admin', 'dispatcher', 'technician', 'billing')),
	token_hash text NOT NULL UNIQUE,
	invited_by uuid REFERENCES users (id) ON DELETE SET NULL,
	created_at timestamptz NOT NULL DEFAULT now(),
	expires_at timestamptz NOT NULL,
	accepted_at timestamptz,
	revoked_at timestamptz,
	PRIMARY KEY (tenant_id, id)
);

CREATE TABLE audit_log (
	tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
	id bigint GENERATED ALWAYS AS IDENTITY,
	at timestamptz NOT NULL DEFAULT now(),
	actor_id uuid,
	action text NOT NULL,
	subject text,
	data jsonb NOT NULL DEFAULT '{}',
	PRIMARY KEY (tenant_id, id)
);

CREATE TABLE ydocs (
	tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
	name text NOT NULL,
	state bytea NOT NULL,
	state_vector bytea NOT NULL,
	version bigint NOT NULL DEFAULT 1,
	updated_at timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (tenant_id, name)
);

CREATE TABLE ydoc_updates (
	tenant_id uuid NOT NULL,
	doc_name text NOT NULL,
	seq bigint GENERATED ALWAYS AS IDENTITY,
	update bytea NOT NULL,
	created_at timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (tenant_id, doc_name, seq)
);

CREATE TABLE outbox (
	tenant_id uuid NOT NULL,
	id bigint GENERATED ALWAYS AS IDENTITY,
	doc_name text NOT NULL,
	doc_version bigint NOT NULL,
	enqueued_at timestamptz NOT NULL DEFAULT now(),
	claimed_until timestamptz,
	attempts integer NOT NULL DEFAULT 0,
	PRIMARY KEY (tenant_id, id)
);
CREATE INDEX outbox_pending ON outbox (enqueued_at) WHERE claimed_until IS NULL;

CREATE TABLE counters (
	tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
	name text NOT NULL,
	value bigint NOT NULL DEFAULT 0,
	PRIMARY KEY (tenant_id, name)
);

CREATE TABLE mail (
	tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
	id uuid NOT NULL,
	to_address text NOT NULL,
	subject text NOT NULL,
	text_body text NOT NULL,
	status text NOT NULL CHECK (status IN ('written', 'sent', 'failed')),
	error text,
	created_at timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (tenant_id, id)
);
