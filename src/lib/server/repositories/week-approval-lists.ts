import type { Db } from '../db/index.js';
import type { WeekApprovalSummary } from '#lib/domain/timesheet/approval.js';

/**
 * What approvers and billing read of week approvals: the weeks waiting for a
 * decision with their totals, and the time billing may bill — only weeks
 * approved and unchanged since (a week changed after approval waits for a new
 * approval, decision 026).
 */

export type ApprovalView = 'waiting' | 'approved' | 'rejected';


// waiting: submitted, or approved but changed since (both need the approver)
const VIEW_FILTER: Record<ApprovalView, string> = {
	waiting: `(w.status = 'submitted' OR (w.status = 'approved' AND w.changed_after_approval))`,
	approved: `w.status = 'approved' AND NOT w.changed_after_approval`,
	rejected: `w.status = 'rejected'`
};

export async function listApprovals(db: Db, tenantId: string, view: ApprovalView, limit = 500): Promise<WeekApprovalSummary[]> {
	const rows = await db.query<WeekApprovalSummary>(
		`SELECT w.user_id AS "userId", w.week, w.status, w.submitted_at AS "submittedAt", w.decided_at AS "decidedAt",
		 w.decided_by::text AS "decidedBy", d.name AS "decidedByName", w.comment, w.changed_after_approval AS "changedAfterApproval",
		 coalesce(p.name, 'Former member') AS "personName",
		 coalesce(t.minutes, 0)::int AS minutes, coalesce(t.billable, 0)::int AS "billableMinutes", coalesce(x.amount, 0)::bigint AS expenses
		 FROM week_approvals w
		 LEFT JOIN users p ON p.id::text = w.user_id
		 LEFT JOIN users d ON d.id = w.decided_by
		 LEFT JOIN LATERAL (SELECT sum(minutes) AS minutes, sum(minutes) FILTER (WHERE billable) AS billable FROM time_entries e
		   WHERE e.tenant_id = w.tenant_id AND e.user_id = w.user_id AND e.week = w.week AND e.deleted_at IS NULL) t ON true
		 LEFT JOIN LATERAL (SELECT sum(amount) AS amount FROM expenses e
		   WHERE e.tenant_id = w.tenant_id AND e.user_id = w.user_id AND e.week = w.week AND e.deleted_at IS NULL) x ON true
		 WHERE w.tenant_id = $1 AND ${VIEW_FILTER[view]}
		 ORDER BY w.week DESC, "personName", w.user_id LIMIT $2`,
		[tenantId, limit]
	);
	return rows.map((r) => ({ ...r, expenses: Number(r.expenses), submittedAt: iso(r.submittedAt), decidedAt: iso(r.decidedAt) }));
}

const iso = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());

export interface ApprovedEntry {
	id: string;
	userId: string;
	week: string;
	date: string;
	minutes: number;
	ticketId: string | null;
	taskId: string | null;
	projectId: string | null;
	customerId: string | null;
	workRole: string | null;
	billable: boolean;
}

/** Time entries billing may bill for dates in [from, to]: in weeks approved and not changed since. */
export function approvedEntries(db: Db, tenantId: string, from: string, to: string): Promise<ApprovedEntry[]> {
	return db.query<ApprovedEntry>(
		`SELECT e.id, e.user_id AS "userId", e.week, to_char(e.date, 'YYYY-MM-DD') AS date, e.minutes, e.ticket_id AS "ticketId",
		 e.task_id AS "taskId", e.project_id AS "projectId", e.customer_id AS "customerId", e.work_role AS "workRole", e.billable
		 FROM time_entries e JOIN week_approvals w ON w.tenant_id = e.tenant_id AND w.user_id = e.user_id AND w.week = e.week
		 WHERE e.tenant_id = $1 AND e.date BETWEEN $2::date AND $3::date AND e.deleted_at IS NULL
		 AND w.status = 'approved' AND NOT w.changed_after_approval
		 ORDER BY e.date, e.id`,
		[tenantId, from, to]
	);
}
