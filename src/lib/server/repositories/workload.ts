import type { LoggedTotals } from '#lib/domain/people/utilization.js';
import type { DayMinutes, TaskLoad, VisitDay } from '#lib/domain/people/workload.js';
import type { Db } from '../db/index.js';
import { dayText } from './sql-dates.js';

/**
 * What the workload and utilization reports read, one query per source over
 * `from`–`to` (dates, both included), summed by Postgres where a sum is all
 * the report needs; the arithmetic on top is `#lib/domain/people/*`.
 */

/** Each assignee's part of the open tasks with an estimate whose days touch the window (a task with one date sits on it). */
export function taskLoads(db: Db, tenantId: string, from: string, to: string): Promise<TaskLoad[]> {
	return db.query(
		`SELECT a.user_id AS "userId", t.estimate_minutes AS "estimateMinutes", ${dayText('t.start_date')} AS start, ${dayText('t.due_date')} AS due,
		        (a.position - 1)::int AS position, cardinality(t.assignees) AS assignees
		 FROM tasks t
		 JOIN projects p ON p.tenant_id = t.tenant_id AND p.id = t.project_id AND p.deleted_at IS NULL
		 CROSS JOIN LATERAL unnest(t.assignees) WITH ORDINALITY AS a(user_id, position)
		 WHERE t.tenant_id = $1 AND t.deleted_at IS NULL AND NOT t.done AND t.estimate_minutes > 0
		   AND least(t.start_date, t.due_date) <= $3 AND greatest(t.start_date, t.due_date) >= $2`,
		[tenantId, from, to]
	);
}

/** Ticket visits per person and day: the minutes of those with a length, and how many have none. */
export function visitDays(db: Db, tenantId: string, from: string, to: string): Promise<VisitDay[]> {
	return db.query(
		`SELECT v.user_id AS "userId", ${dayText('v.day')} AS date, coalesce(sum(v.minutes), 0)::int AS minutes,
		        (count(*) FILTER (WHERE v.minutes IS NULL))::int AS untimed
		 FROM ticket_visits v JOIN tickets k ON k.tenant_id = v.tenant_id AND k.id = v.ticket_id AND k.deleted_at IS NULL
		 WHERE v.tenant_id = $1 AND v.deleted_at IS NULL AND v.day BETWEEN $2 AND $3
		 GROUP BY v.user_id, v.day`,
		[tenantId, from, to]
	);
}

/** Time logged per person and day. */
export function loggedDays(db: Db, tenantId: string, from: string, to: string): Promise<DayMinutes[]> {
	return db.query(
		`SELECT user_id AS "userId", ${dayText('date')} AS date, sum(minutes)::int AS minutes
		 FROM time_entries WHERE tenant_id = $1 AND deleted_at IS NULL AND date BETWEEN $2 AND $3
		 GROUP BY user_id, date`,
		[tenantId, from, to]
	);
}

/** Time logged per person over the window, and how much of it billable. */
export function loggedTotals(db: Db, tenantId: string, from: string, to: string): Promise<LoggedTotals[]> {
	return db.query(
		`SELECT user_id AS "userId", sum(minutes)::int AS minutes, (coalesce(sum(minutes) FILTER (WHERE billable), 0))::int AS "billableMinutes"
		 FROM time_entries WHERE tenant_id = $1 AND deleted_at IS NULL AND date BETWEEN $2 AND $3
		 GROUP BY user_id`,
		[tenantId, from, to]
	);
}
