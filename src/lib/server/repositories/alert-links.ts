import { one, type Db } from '../db/index.js';

/**
 * Which ticket an alert feeds (migration 013): one row per tenant, source and
 * key. The row is made in the transaction that makes the ticket's document, so
 * alerts arriving at once, on any node, agree on one ticket; a repeat is one
 * statement that counts it.
 */

export interface AlertKey {
	tenantId: string;
	source: string;
	alertKey: string;
}

/** What the row keeps of the latest occurrence (for the coalesced note). */
export interface OccurrenceFields {
	severity: string;
	title: string;
	message: string | null;
}

export interface LinkRow extends OccurrenceFields {
	ticketId: string;
	occurrences: number;
	noted: number;
	lastAt: Date;
	resolvedAt: Date | null;
	/** the ticket is in a done status, or deleted: the alert needs a new one */
	ticketDone: boolean;
	number: number | null;
}

const KEY = 'l.tenant_id = $1 AND l.source = $2 AND l.alert_key = $3';
const keyParams = (k: AlertKey) => [k.tenantId, k.source, k.alertKey];

// a ticket not projected yet counts as open: it was made a moment ago
const ticketDone = (param: string) =>
	`EXISTS (SELECT 1 FROM tickets t WHERE t.tenant_id = l.tenant_id AND t.id = l.ticket_id AND (t.deleted_at IS NOT NULL OR t.status = ANY(${param}::text[])))`;
const NUMBER = `(SELECT n.number FROM ticket_numbers n WHERE n.tenant_id = l.tenant_id AND n.ticket_id = l.ticket_id)`;
/** the SET clause for the latest occurrence, its three values from parameter `$first` on */
const latest = (first: number) => `severity = $${first}, title = COALESCE($${first + 1}, l.title), message = $${first + 2}, last_at = now()`;

const occurrenceParams = (o: OccurrenceFields) => [o.severity, o.title || null, o.message];

/** Repeats of one alert counted together: how many, and the latest of them. */
export interface RepeatCount extends OccurrenceFields {
	source: string;
	alertKey: string;
	count: number;
}

export interface CountedRepeat {
	source: string;
	alertKey: string;
	ticketId: string;
	/** the count after these repeats */
	occurrences: number;
	number: number | null;
}

/**
 * Counts repeats of a tenant's alerts whose tickets are still open, in one
 * statement for many alerts (a storm's repeats, gathered). Alerts missing from
 * the answer have no such link: new, resolved, or their ticket closed by people.
 * Rows are locked in key order, so two nodes counting at once never deadlock.
 */
export function countRepeats(db: Db, tenantId: string, doneStatuses: string[], repeats: RepeatCount[]): Promise<CountedRepeat[]> {
	return db.query(
		`WITH n AS (
			SELECT * FROM jsonb_to_recordset($2::jsonb) AS n(source text, "alertKey" text, count integer, severity text, title text, message text)
		), locked AS MATERIALIZED (
			SELECT l.source, l.alert_key FROM alert_links l JOIN n ON l.source = n.source AND l.alert_key = n."alertKey"
			WHERE l.tenant_id = $1 AND l.resolved_at IS NULL AND NOT ${ticketDone('$3')}
			ORDER BY l.source, l.alert_key FOR UPDATE OF l
		)
		UPDATE alert_links l SET occurrences = l.occurrences + n.count, severity = n.severity, title = COALESCE(NULLIF(n.title, ''), l.title),
		   message = n.message, last_at = now()
		FROM n, locked
		WHERE l.tenant_id = $1 AND l.source = n.source AND l.alert_key = n."alertKey" AND locked.source = l.source AND locked.alert_key = l.alert_key
		RETURNING l.source, l.alert_key AS "alertKey", l.ticket_id AS "ticketId", l.occurrences, ${NUMBER} AS number`,
		[tenantId, JSON.stringify(repeats), doneStatuses]
	);
}

/**
 * Makes the link for a new alert's ticket; false when one exists. A link being
 * made by another transaction makes this wait for it, so only one of them makes
 * a ticket.
 */
export async function claimLink(tx: Db, key: AlertKey, ticketId: string, o: OccurrenceFields): Promise<boolean> {
	const rows = await tx.query(
		`INSERT INTO alert_links (tenant_id, source, alert_key, ticket_id, occurrences, noted, severity, title, message)
		 VALUES ($1, $2, $3, $4, 1, 1, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING 1`,
		[...keyParams(key), ticketId, o.severity, o.title, o.message]
	);
	return rows.length === 1;
}

/** The link, locked until the transaction ends. */
export function lockLink(tx: Db, key: AlertKey, doneStatuses: string[]): Promise<LinkRow | undefined> {
	return one(
		tx,
		`SELECT l.ticket_id AS "ticketId", l.occurrences, l.noted, l.severity, l.title, l.message, l.last_at AS "lastAt",
		        l.resolved_at AS "resolvedAt", ${ticketDone('$4')} AS "ticketDone", ${NUMBER} AS number
		 FROM alert_links l WHERE ${KEY} FOR UPDATE OF l`,
		[...keyParams(key), doneStatuses]
	);
}

/** Counts one more occurrence on a locked link; returns the count. */
export async function addOccurrence(tx: Db, key: AlertKey, o: OccurrenceFields): Promise<number> {
	const row = await one<{ occurrences: number }>(
		tx,
		`UPDATE alert_links l SET occurrences = l.occurrences + 1, ${latest(4)}
		 WHERE ${KEY} RETURNING l.occurrences`,
		[...keyParams(key), ...occurrenceParams(o)]
	);
	return row!.occurrences;
}

/** Points a locked link at the alert's new ticket (the old one was resolved or closed). */
export async function relink(tx: Db, key: AlertKey, ticketId: string, o: OccurrenceFields): Promise<void> {
	await tx.query(
		`UPDATE alert_links l SET ticket_id = $4, occurrences = 1, noted = 1, severity = $5, title = $6, message = $7,
		   first_at = now(), last_at = now(), resolved_at = NULL
		 WHERE ${KEY}`,
		[...keyParams(key), ticketId, o.severity, o.title, o.message]
	);
}

/** Records that the ticket's notes now tell of `noted` occurrences; `resolved` ends the link. */
export async function markNoted(tx: Db, key: AlertKey, noted: number, resolved = false): Promise<void> {
	await tx.query(`UPDATE alert_links l SET noted = $4${resolved ? ', resolved_at = now()' : ''} WHERE ${KEY}`, [...keyParams(key), noted]);
}

/** A link whose repeats are not all in its ticket's notes yet. */
export interface UnnotedLink extends OccurrenceFields {
	source: string;
	alertKey: string;
	ticketId: string;
	occurrences: number;
	noted: number;
	lastAt: Date;
}

/**
 * The tenant's links with repeats not yet in their tickets' notes, locked;
 * those another node is writing right now are skipped (it writes them).
 */
export function lockUnnoted(tx: Db, tenantId: string, limit = 500): Promise<UnnotedLink[]> {
	return tx.query(
		`SELECT l.source, l.alert_key AS "alertKey", l.ticket_id AS "ticketId", l.occurrences, l.noted, l.severity, l.title, l.message, l.last_at AS "lastAt"
		 FROM alert_links l WHERE l.tenant_id = $1 AND l.occurrences > l.noted ORDER BY l.last_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
		[tenantId, limit]
	);
}

/** Records, for many locked links at once, how many occurrences their tickets' notes now tell of. */
export async function markManyNoted(tx: Db, tenantId: string, links: { source: string; alertKey: string; noted: number }[]): Promise<void> {
	if (links.length === 0) return;
	await tx.query(
		`UPDATE alert_links l SET noted = n.noted FROM jsonb_to_recordset($2::jsonb) AS n(source text, "alertKey" text, noted integer)
		 WHERE l.tenant_id = $1 AND l.source = n.source AND l.alert_key = n."alertKey"`,
		[tenantId, JSON.stringify(links)]
	);
}

/** Tenants with repeats that have waited longer than `olderThanMs` for their note (a node stopped before writing it). */
export async function tenantsWithStaleRepeats(db: Db, olderThanMs: number): Promise<string[]> {
	const rows = await db.query<{ tenantId: string }>(
		`SELECT DISTINCT tenant_id AS "tenantId" FROM alert_links WHERE occurrences > noted AND last_at < now() - ($1 * interval '1 millisecond') LIMIT 100`,
		[olderThanMs]
	);
	return rows.map((r) => r.tenantId);
}

export interface RecentAlert {
	source: string;
	alertKey: string;
	ticketId: string;
	number: number | null;
	occurrences: number;
	severity: string;
	title: string;
	lastAt: Date;
	resolvedAt: Date | null;
}

/** The alerts that came in last, for the integrations page. */
export function recentAlerts(db: Db, tenantId: string, limit = 20): Promise<RecentAlert[]> {
	return db.query(
		`SELECT l.source, l.alert_key AS "alertKey", l.ticket_id AS "ticketId", ${NUMBER} AS number, l.occurrences, l.severity, l.title,
		        l.last_at AS "lastAt", l.resolved_at AS "resolvedAt"
		 FROM alert_links l WHERE l.tenant_id = $1 ORDER BY l.last_at DESC LIMIT $2`,
		[tenantId, limit]
	);
}
