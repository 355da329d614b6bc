import type { RecordIds, RecordNames } from '#lib/domain/timesheet/approval.js';
import type { Db } from '../db/index.js';

/**
 * What the ids in a timesheet week stand for, so an approver reads "T-12
 * Printer jams" and "Contoso" rather than ids: the ticket, task, project and
 * customer rows the projection wrote, of this tenant only.
 */

const byId = <T>(rows: { id: string; value: T }[]) => Object.fromEntries(rows.map((r) => [r.id, r.value]));

async function names(db: Db, table: 'tasks' | 'projects' | 'customers', column: 'title' | 'name', tenantId: string, ids: string[]) {
	if (ids.length === 0) return {};
	const rows = await db.query<{ id: string; value: string }>(`SELECT id, ${column} AS value FROM ${table} WHERE tenant_id = $1 AND id = ANY($2::text[])`, [tenantId, ids]);
	return byId(rows);
}

export async function recordNames(db: Db, tenantId: string, ids: RecordIds): Promise<RecordNames> {
	const tickets =
		ids.ticketIds.length === 0
			? []
			: await db.query<{ id: string; number: string | null; title: string }>(`SELECT id, number, title FROM tickets WHERE tenant_id = $1 AND id = ANY($2::text[])`, [tenantId, ids.ticketIds]);
	return {
		tickets: Object.fromEntries(tickets.map((t) => [t.id, { number: t.number === null ? null : Number(t.number), title: t.title }])),
		tasks: await names(db, 'tasks', 'title', tenantId, ids.taskIds),
		projects: await names(db, 'projects', 'name', tenantId, ids.projectIds),
		customers: await names(db, 'customers', 'name', tenantId, ids.customerIds)
	};
}
