import type { Db } from '../db/index.js';

/**
 * Time logged against project tasks, from the timesheet entries' projection
 * (`time_entries`, migration 019), for estimates against actuals. An entry
 * counts for the project its task is in now (the `tasks` projection), so
 * moving work between projects never needs the entries rewritten; deleted
 * entries and tasks do not count (as rollup.ts counts live tasks only).
 */

export interface TaskMinutes {
	taskId: string;
	minutes: number;
}

export interface ProjectMinutes {
	projectId: string;
	minutes: number;
}

/** Whether the tenant has this project (its row, deleted or not). */
export async function projectExists(db: Db, tenantId: string, projectId: string): Promise<boolean> {
	const rows = await db.query('SELECT 1 FROM projects WHERE tenant_id = $1 AND id = $2', [tenantId, projectId]);
	return rows.length > 0;
}

/** Minutes logged per task of one project; tasks with nothing logged are left out. */
export async function taskActuals(db: Db, tenantId: string, projectId: string): Promise<TaskMinutes[]> {
	return db.query<TaskMinutes>(
		`SELECT e.task_id AS "taskId", sum(e.minutes)::int AS minutes
		FROM time_entries e JOIN tasks t ON t.tenant_id = e.tenant_id AND t.id = e.task_id
		WHERE e.tenant_id = $1 AND t.project_id = $2 AND e.deleted_at IS NULL AND t.deleted_at IS NULL
		GROUP BY e.task_id ORDER BY e.task_id`,
		[tenantId, projectId]
	);
}

/** Minutes logged per project of the tenant, for the portfolio's budget burn; projects with nothing logged are left out. */
export async function projectActuals(db: Db, tenantId: string): Promise<ProjectMinutes[]> {
	return db.query<ProjectMinutes>(
		`SELECT t.project_id AS "projectId", sum(e.minutes)::int AS minutes
		FROM time_entries e JOIN tasks t ON t.tenant_id = e.tenant_id AND t.id = e.task_id
		WHERE e.tenant_id = $1 AND e.deleted_at IS NULL AND t.deleted_at IS NULL
		GROUP BY t.project_id ORDER BY t.project_id`,
		[tenantId]
	);
}
