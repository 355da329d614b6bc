import type { Db } from '../db/index.js';

/** A ticket whose current assignee was set by someone else, not yet told. */
export interface AssignmentNotice {
	eventId: string;
	ticketId: string;
	number: number | null;
	title: string;
	by: string | null;
	userId: string;
	email: string;
}

/**
 * The tickets (of `ticketIds`) whose latest assignment event made a member of
 * the tenant the assignee and was made by a person other than them — not by
 * a rule or an alert, which notify as they say — and that nobody told yet.
 */
export function unnoticedAssignments(db: Db, tenantId: string, ticketIds: string[]): Promise<AssignmentNotice[]> {
	return db.query<AssignmentNotice>(
		`WITH latest AS (
			SELECT DISTINCT ON (e.ticket_id) e.ticket_id, e.id, e.by, e.value FROM ticket_events e
			WHERE e.tenant_id = $1 AND e.ticket_id = ANY($2::text[]) AND e.field = 'assignee'
			ORDER BY e.ticket_id, e.effective_at DESC, e.id DESC
		)
		SELECT l.id AS "eventId", t.id AS "ticketId", n.number, t.title, l.by, u.id AS "userId", u.email
		FROM latest l
		JOIN tickets t ON t.tenant_id = $1 AND t.id = l.ticket_id AND t.assignee = l.value AND t.deleted_at IS NULL
		-- the number stamped this round reaches the row only on the next: read the authority
		LEFT JOIN ticket_numbers n ON n.tenant_id = $1 AND n.ticket_id = t.id
		JOIN memberships m ON m.tenant_id = $1 AND m.user_id::text = l.value
		JOIN users u ON u.id = m.user_id
		WHERE (l.by IS NULL OR (l.by !~ '^(rule|alert):' AND l.by <> u.name))
		  AND NOT EXISTS (SELECT 1 FROM ticket_notices s WHERE s.tenant_id = $1 AND s.item_id = l.id)`,
		[tenantId, ticketIds]
	);
}

/** A public note from staff, to be mailed to the ticket's contact. */
export interface NoteMail {
	noteId: string;
	ticketId: string;
	number: number | null;
	title: string;
	body: string;
	by: string | null;
	email: string;
}

/**
 * Public notes staff wrote on the tickets (of `ticketIds`) since `since`, for
 * tickets whose contact has an email, not mailed yet. Older notes (a ticket
 * first seen long after) are not mailed late.
 */
export function unmailedPublicNotes(db: Db, tenantId: string, ticketIds: string[], since: Date): Promise<NoteMail[]> {
	return db.query<NoteMail>(
		`SELECT o.id AS "noteId", t.id AS "ticketId", n.number, t.title, o.body, o.by, c.email
		 FROM ticket_notes o
		 JOIN tickets t ON t.tenant_id = $1 AND t.id = o.ticket_id AND t.deleted_at IS NULL
		 JOIN contacts c ON c.tenant_id = $1 AND c.id = t.contact_id AND c.deleted_at IS NULL AND c.email IS NOT NULL
		 LEFT JOIN ticket_numbers n ON n.tenant_id = $1 AND n.ticket_id = t.id
		 WHERE o.tenant_id = $1 AND o.ticket_id = ANY($2::text[]) AND o.visibility = 'public' AND o.origin = 'staff'
		   AND o.deleted_at IS NULL AND o.at >= $3
		   AND NOT EXISTS (SELECT 1 FROM ticket_notices s WHERE s.tenant_id = $1 AND s.item_id = o.id)
		 ORDER BY o.at, o.id`,
		[tenantId, ticketIds, since]
	);
}

/** Records notices as given; returns the items this call recorded (another node may have been first). */
export async function claimNotices(tx: Db, tenantId: string, itemIds: string[]): Promise<Set<string>> {
	const rows = await tx.query<{ itemId: string }>(
		`INSERT INTO ticket_notices (tenant_id, item_id) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING RETURNING item_id AS "itemId"`,
		[tenantId, itemIds]
	);
	return new Set(rows.map((r) => r.itemId));
}
