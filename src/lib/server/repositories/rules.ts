import type { RuleTicketRow } from '#lib/domain/servicedesk/rule-facts.js';
import type { RuleMember } from '#lib/domain/servicedesk/rule-recipients.js';
import { one, type Db } from '../db/index.js';

/**
 * What the rule runner reads and records (migration 014): tickets with their
 * customer's class, lead tech and agreement policy; which firings happened;
 * which tickets are new to the rules.
 */

const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const TICKETS = `SELECT t.id, coalesce(t.number, n.number)::int AS number, t.title, t.source, t.customer_id AS "customerId", t.contact_id AS "contactId",
		t.type, t.alert_key AS "alertKey", t.status, t.priority, t.queue, t.assignee, to_char(t.due_date, 'YYYY-MM-DD') AS "dueDate",
		${iso('t.created_at')} AS "createdAt", ${iso('t.first_response_at')} AS "firstResponseAt", ${iso('t.last_activity_at')} AS "lastActivityAt",
		t.sla_log AS "slaLog"
	FROM tickets t LEFT JOIN ticket_numbers n ON n.tenant_id = t.tenant_id AND n.ticket_id = t.id`;

type TicketPart = Omit<RuleTicketRow, 'customerName' | 'customerClass' | 'leadTechId' | 'slaPolicyId'>;
type CustomerPart = Pick<RuleTicketRow, 'customerName' | 'customerClass' | 'leadTechId' | 'slaPolicyId'>;
const NO_CUSTOMER: CustomerPart = { customerName: null, customerClass: null, leadTechId: null, slaPolicyId: null };

/**
 * The customers of these tickets: name, class, lead tech, and the policy of
 * their newest live agreement that names one. Looked up per customer (an index
 * each), so the plan does not hang on table statistics.
 */
async function withCustomers(db: Db, tenantId: string, tickets: TicketPart[]): Promise<RuleTicketRow[]> {
	const ids = [...new Set(tickets.map((t) => t.customerId).filter((id) => id !== null))];
	const rows = ids.length === 0 ? [] : await db.query<CustomerPart & { id: string }>(
		`SELECT c.id, c.name AS "customerName", c.classification AS "customerClass", c.lead_tech_id AS "leadTechId",
		        (SELECT k.sla_policy_id FROM customer_contracts k
		         WHERE k.tenant_id = c.tenant_id AND k.customer_id = c.id AND k.party = 'msp' AND k.deleted_at IS NULL AND k.sla_policy_id IS NOT NULL
		         ORDER BY k.start_date DESC NULLS LAST, k.id LIMIT 1) AS "slaPolicyId"
		 FROM customers c WHERE c.tenant_id = $1 AND c.id = ANY($2::text[]) AND c.deleted_at IS NULL`,
		[tenantId, ids]
	);
	const byId = new Map(rows.map(({ id, ...customer }) => [id, customer]));
	// in place: a tick reads ten thousand of these
	return tickets.map((t) => Object.assign(t, (t.customerId && byId.get(t.customerId)) || NO_CUSTOMER));
}

/** The named tickets (those a materializer round just projected), deleted ones left out. */
export async function ticketFactRows(db: Db, tenantId: string, ticketIds: string[]): Promise<RuleTicketRow[]> {
	const tickets = await db.query<TicketPart>(`${TICKETS} WHERE t.tenant_id = $1 AND t.id = ANY($2::text[]) AND t.deleted_at IS NULL ORDER BY t.id`, [tenantId, ticketIds]);
	return withCustomers(db, tenantId, tickets);
}

/**
 * Every open ticket of the tenant (not deleted, not in a done status) whose
 * row is current: a ticket with updates the materializer has not projected yet
 * (a rule's own change a moment ago) waits for the next tick, so no rule reads
 * values its own firing already changed.
 */
export async function openTicketFactRows(db: Db, tenantId: string, doneStatuses: string[]): Promise<RuleTicketRow[]> {
	const tickets = await db.query<TicketPart>(
		`${TICKETS} WHERE t.tenant_id = $1 AND t.deleted_at IS NULL AND (t.status IS NULL OR t.status <> ALL($2::text[]))
		   AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.tenant_id = t.tenant_id AND o.doc_name = t.doc_name)`,
		[tenantId, doneStatuses]
	);
	// in id order (firings are written in that order), sorted here: the database would sort the SLA logs along
	tickets.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	return withCustomers(db, tenantId, tickets);
}

/**
 * Of these tickets, those new to the rules (numbered, `created` rules not yet
 * run). `settledMs`: only those numbered at least this long ago (the scheduler
 * picks up what a round that died left behind, not what one is doing now).
 */
export async function ticketsNewToRules(db: Db, tenantId: string, ticketIds: string[] | null, settledMs = 0): Promise<string[]> {
	const rows = await db.query<{ id: string }>(
		`SELECT ticket_id AS id FROM ticket_numbers
		 WHERE tenant_id = $1 AND created_rules_at IS NULL AND ($2::text[] IS NULL OR ticket_id = ANY($2::text[]))
		   AND assigned_at <= now() - ($3 * interval '1 millisecond')
		 ORDER BY ticket_id LIMIT 1000`,
		[tenantId, ticketIds, settledMs]
	);
	return rows.map((r) => r.id);
}

/** Their `created` rules have run: they are no longer new. */
export async function markCreatedRulesRun(tx: Db, tenantId: string, ticketIds: string[]): Promise<void> {
	if (ticketIds.length === 0) return;
	await tx.query(`UPDATE ticket_numbers SET created_rules_at = now() WHERE tenant_id = $1 AND ticket_id = ANY($2::text[]) AND created_rules_at IS NULL`, [
		tenantId,
		ticketIds
	]);
}

/** Which of these firing keys are recorded. */
export async function firedKeys(db: Db, tenantId: string, keys: string[]): Promise<Set<string>> {
	if (keys.length === 0) return new Set();
	const rows = await db.query<{ key: string }>(`SELECT key FROM rule_firings WHERE tenant_id = $1 AND key = ANY($2::text[])`, [tenantId, keys]);
	return new Set(rows.map((r) => r.key));
}

/**
 * Records firings; returns the keys this call recorded. A key another node
 * (or an earlier round) recorded first is not returned: its actions are not
 * applied again.
 */
export async function recordFirings(tx: Db, tenantId: string, firings: { key: string; ruleId: string; ticketId: string }[]): Promise<Set<string>> {
	if (firings.length === 0) return new Set();
	const rows = await tx.query<{ key: string }>(
		`INSERT INTO rule_firings (tenant_id, key, rule_id, ticket_id)
		 SELECT $1, f.key, f."ruleId", f."ticketId" FROM jsonb_to_recordset($2::jsonb) AS f(key text, "ruleId" text, "ticketId" text) ORDER BY f.key
		 ON CONFLICT DO NOTHING RETURNING key`,
		[tenantId, JSON.stringify(firings)]
	);
	return new Set(rows.map((r) => r.key));
}

/** The tenant's staff, whom rules may notify. */
export function ruleMembers(db: Db, tenantId: string): Promise<RuleMember[]> {
	return db.query(`SELECT u.id AS "userId", u.email, u.name, m.role FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.tenant_id = $1`, [tenantId]);
}

/** Mail addresses of contacts (a ticket's contact, told by a rule). */
export async function contactEmails(db: Db, tenantId: string, contactIds: string[]): Promise<Map<string, string>> {
	if (contactIds.length === 0) return new Map();
	const rows = await db.query<{ id: string; email: string }>(
		`SELECT id, email FROM contacts WHERE tenant_id = $1 AND id = ANY($2::text[]) AND deleted_at IS NULL AND email IS NOT NULL AND email <> ''`,
		[tenantId, contactIds]
	);
	return new Map(rows.map((r) => [r.id, r.email]));
}

/**
 * A cheap fingerprint of a stored document (its folded version and last
 * logged update): the same fingerprint, the same content.
 */
export async function docFingerprint(db: Db, tenantId: string, name: string): Promise<string> {
	const row = await one<{ version: string | null; seq: string | null }>(
		db,
		`SELECT (SELECT version FROM ydocs WHERE tenant_id = $1 AND name = $2)::text AS version,
		        (SELECT max(seq) FROM ydoc_updates WHERE tenant_id = $1 AND doc_name = $2)::text AS seq`,
		[tenantId, name]
	);
	return `${row?.version ?? '-'}:${row?.seq ?? '-'}`;
}
