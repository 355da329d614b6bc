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
		  AND NOT EXISTS (SELECT 1 FROM ticket_notices s WHERE s.tenant_id = $1 AND s.event_id = l.id)`,
		[tenantId, ticketIds]
	);
}

/** Records notices as given; returns the event ids this call recorded (another node may have been first). */
export async function claimNotices(tx: Db, tenantId: string, eventIds: string[]): Promise<Set<string>> {
	const rows = await tx.query<{ eventId: string }>(
		`INSERT INTO ticket_notices (tenant_id, event_id) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING RETURNING event_id AS "eventId"`,
		[tenantId, eventIds]
	);
	return new Set(rows.map((r) => r.eventId));
}
