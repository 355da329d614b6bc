-- Contract reminders (issue 4): the tenant's lead times, in-app notifications, a record of
-- every reminder sent (its key names the contract, the notice deadline and the lead time,
-- so inserting it is how exactly one node sends it), and personal calendar feeds.
ALTER TABLE tenants ADD COLUMN reminder_days text NOT NULL DEFAULT '90 30 7';

CREATE TABLE notifications (
	tenant_id uuid NOT NULL,
	id uuid NOT NULL,
	user_id uuid NOT NULL,
	kind text NOT NULL,
	title text NOT NULL,
	body text NOT NULL DEFAULT '',
	link text,
	created_at timestamptz NOT NULL DEFAULT now(),
	read_at timestamptz,
	PRIMARY KEY (tenant_id, id),
	FOREIGN KEY (tenant_id, user_id) REFERENCES memberships (tenant_id, user_id) ON DELETE CASCADE
);
CREATE INDEX notifications_user ON notifications (tenant_id, user_id, created_at DESC);

CREATE TABLE reminder_sends (
	tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
	key text NOT NULL,
	sent_at timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (tenant_id, key)
);

CREATE TABLE calendar_feeds (
	token_hash text PRIMARY KEY, -- hex SHA-256 of the secret in the feed's URL
	tenant_id uuid NOT NULL,
	user_id uuid NOT NULL,
	created_at timestamptz NOT NULL DEFAULT now(),
	UNIQUE (tenant_id, user_id),
	FOREIGN KEY (tenant_id, user_id) REFERENCES memberships (tenant_id, user_id) ON DELETE CASCADE
);
