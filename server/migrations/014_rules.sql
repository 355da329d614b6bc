-- Workflow and escalation rules running on the server (issue 5, decision 019).

-- What fired: one row per firing key (rules.ts firingKey), inserted in the same transaction
-- as the rule's edits and notifications, so a rule fires once per state, whatever the number
-- of nodes evaluating it at once.
CREATE TABLE rule_firings (
	tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
	key text NOT NULL,
	rule_id text NOT NULL,
	ticket_id text NOT NULL,
	fired_at timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (tenant_id, key)
);
CREATE INDEX rule_firings_ticket ON rule_firings (tenant_id, ticket_id);

-- A ticket is new to the rules from the moment the server numbers it until its `created`
-- rules have been evaluated: the number and the pending mark are written together by the
-- stamping transaction, so a crash between the two passes never loses a new ticket.
-- Tickets numbered before rules ran on the server are not new.
ALTER TABLE ticket_numbers ADD COLUMN created_rules_at timestamptz;
UPDATE ticket_numbers SET created_rules_at = assigned_at;
CREATE INDEX ticket_numbers_rules_pending ON ticket_numbers (tenant_id, assigned_at) WHERE created_rules_at IS NULL;

-- Singletons of the scheduler: the node that claims a lease runs the tick, the others skip
-- it; a claim not released in time (its node died) lapses. No tenant: one lease per job.
CREATE TABLE scheduler_leases (
	name text PRIMARY KEY,
	due_at timestamptz NOT NULL DEFAULT now(),
	lease_until timestamptz,
	holder text
);
