import type { Db } from '../db/index.js';

/** What logged time is counted for: one ticket or one project task. */
export type TimeTarget = { ticketId: string } | { taskId: string };

export interface TimeTotalRow {
	userId: string;
	week: string;
	minutes: number;
}

/**
 * The minutes logged on a ticket or task, per person and ISO week, from the
 * projected time entries of one tenant (deleted entries count nothing). Per
 * week, so a browser can put its own sums in place of the weeks it holds.
 */
export function timeTotals(db: Db, tenantId: string, target: TimeTarget): Promise<TimeTotalRow[]> {
	const [column, id] = 'ticketId' in target ? ['ticket_id', target.ticketId] : ['task_id', target.taskId];
	return db.query(
		`SELECT user_id AS "userId", week, sum(minutes)::int AS minutes FROM time_entries
		 WHERE tenant_id = $1 AND ${column} = $2 AND deleted_at IS NULL
		 GROUP BY user_id, week ORDER BY week, user_id`,
		[tenantId, id]
	);
}
