-- Alerts and mail into tickets (issue 5, decision 018): each tenant's integration key and
-- intake settings, which alert feeds which ticket, and which mails have been taken in.

-- one row per tenant: the key is stored only as its SHA-256 (it is 160 random bits), and
-- the key itself names the tenant, so its hash is unique across tenants
CREATE TABLE integrations (
	tenant_id uuid PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
	key_hash text UNIQUE,
	-- the first characters of the key, to tell which one is in use
	key_hint text,
	key_created_at timestamptz,
	key_created_by uuid REFERENCES users (id) ON DELETE SET NULL,
	-- "a resolved alert resolves its ticket"
	alert_resolves boolean NOT NULL DEFAULT true
);

-- the alert → ticket link: one row per source and alert key, written in the same transaction
-- as the ticket's document, so duplicates arriving at once (on any node) find one ticket.
-- A repeat only counts here; `noted` trails `occurrences` until the repeats are written to the
-- ticket as one note (coalesced, so an alert storm stays fast).
CREATE TABLE alert_links (
	tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
	source text NOT NULL,
	alert_key text NOT NULL,
	ticket_id text NOT NULL,
	occurrences integer NOT NULL,
	noted integer NOT NULL,
	severity text NOT NULL,
	title text NOT NULL,
	message text,
	first_at timestamptz NOT NULL DEFAULT now(),
	last_at timestamptz NOT NULL DEFAULT now(),
	-- the source reported it resolved: the next alert with this key makes a new ticket
	resolved_at timestamptz,
	PRIMARY KEY (tenant_id, source, alert_key)
);
CREATE INDEX alert_links_unnoted ON alert_links (tenant_id, last_at) WHERE occurrences > noted;
CREATE INDEX alert_links_recent ON alert_links (tenant_id, last_at DESC);

-- every mail taken in, by Message-ID (or a hash of the message when it has none): the same
-- mail delivered twice is one ticket or one note; replies find their ticket by In-Reply-To
CREATE TABLE inbound_mails (
	tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
	message_id text NOT NULL,
	ticket_id text NOT NULL,
	-- the note a reply became; null for the mail that made the ticket
	note_id text,
	sender text,
	subject text,
	received_at timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (tenant_id, message_id)
);
CREATE INDEX inbound_mails_ticket ON inbound_mails (tenant_id, ticket_id);

-- what intake matches senders and alerts by
CREATE INDEX contacts_email ON contacts (tenant_id, lower(email)) WHERE deleted_at IS NULL AND email IS NOT NULL;
CREATE INDEX customers_name ON customers (tenant_id, lower(name)) WHERE deleted_at IS NULL;
CREATE INDEX devices_name ON devices (tenant_id, lower(name)) WHERE deleted_at IS NULL;
