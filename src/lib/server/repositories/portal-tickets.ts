import { DEFAULT_STATUS_RECORDS } from '#lib/domain/servicedesk/settings.js';
import { typeQuestions, type PortalRequestType, type PortalTicket, type PortalTicketDetail, type PortalTicketNote } from '#lib/domain/portal/requests.js';
import { one, type Db } from '../db/index.js';
import { asPortalCompany } from './portal.js';

/**
 * A company's tickets as the portal reads them: from the projections, inside
 * the row-level-security transaction of `asPortalCompany` (migration 012 lets
 * the portal role see the company's tickets and public notes only); every
 * query also names the tenant and the customer itself (DESIGN.md §4).
 */

const TICKET = `t.id, t.number, t.title, t.type, t.source, coalesce(s.name, t.status) AS status, t.priority,
	t.created_at AS "createdAt", t.last_activity_at AS "lastActivityAt"`;

// the tenant's status names, else the defaults' (a tenant that never edited its statuses has no rows)
const STATUS_JOIN = `LEFT JOIN (
	SELECT id, name FROM ticket_statuses WHERE tenant_id = $1 AND deleted_at IS NULL
	UNION ALL SELECT d.id, d.name FROM jsonb_to_recordset('${JSON.stringify(DEFAULT_STATUS_RECORDS.map(({ id, name }) => ({ id, name })))}'::jsonb) AS d(id text, name text)
	WHERE NOT EXISTS (SELECT 1 FROM ticket_statuses WHERE tenant_id = $1)
) s ON s.id = t.status`;

export function listPortalTickets(db: Db, tenantId: string, customerId: string, limit = 200): Promise<PortalTicket[]> {
	return asPortalCompany(db, tenantId, customerId, (tx) =>
		tx.query<PortalTicket>(
			`SELECT ${TICKET} FROM tickets t ${STATUS_JOIN}
			 WHERE t.tenant_id = $1 AND t.customer_id = $2 AND t.deleted_at IS NULL
			 ORDER BY coalesce(t.last_activity_at, t.created_at) DESC, t.id DESC LIMIT $3`,
			[tenantId, customerId, limit]
		)
	);
}

/** One ticket of the company with its public notes, oldest first; null when it is not the company's. */
export function readPortalTicket(db: Db, tenantId: string, customerId: string, ticketId: string): Promise<PortalTicketDetail | null> {
	return asPortalCompany(db, tenantId, customerId, async (tx) => {
		const ticket = await one<Omit<PortalTicketDetail, 'notes'>>(
			tx,
			`SELECT ${TICKET}, t.description, t.answers FROM tickets t ${STATUS_JOIN}
			 WHERE t.tenant_id = $1 AND t.customer_id = $2 AND t.id = $3 AND t.deleted_at IS NULL`,
			[tenantId, customerId, ticketId]
		);
		if (!ticket) return null;
		const notes = await tx.query<PortalTicketNote>(
			`SELECT id, body, by, origin, at FROM ticket_notes
			 WHERE tenant_id = $1 AND ticket_id = $2 AND visibility = 'public' AND deleted_at IS NULL ORDER BY at, id`,
			[tenantId, ticketId]
		);
		return { ...ticket, notes };
	});
}

/** The request types the MSP offers in the portal, with their questions. */
export async function portalRequestTypes(db: Db, tenantId: string, customerId: string): Promise<PortalRequestType[]> {
	const rows = await asPortalCompany(db, tenantId, customerId, (tx) =>
		tx.query<{ id: string; name: string; questions: string | null }>(
			`SELECT id, name, questions FROM ticket_types WHERE tenant_id = $1 AND portal AND deleted_at IS NULL ORDER BY name, id`,
			[tenantId]
		)
	);
	return rows.map((row) => ({ id: row.id, name: row.name, questions: typeQuestions(row.questions) }));
}

/** The ticket's assignee while they are still a member of the tenant. */
export async function assigneeOf(db: Db, tenantId: string, ticketId: string): Promise<string | null> {
	const row = await one<{ userId: string }>(
		db,
		`SELECT m.user_id AS "userId" FROM tickets t JOIN memberships m ON m.tenant_id = t.tenant_id AND m.user_id::text = t.assignee
		 WHERE t.tenant_id = $1 AND t.id = $2`,
		[tenantId, ticketId]
	);
	return row?.userId ?? null;
}
