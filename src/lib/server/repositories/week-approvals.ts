import type { WeekContent } from '#lib/domain/timesheet/approval-diff.js';
import type { WeekApprovalRow } from '#lib/domain/timesheet/approval.js';
import type { Db } from '../db/index.js';

/**
 * Week approvals (migration 020, decision 026). A week's snapshot is its live
 * entries and expenses as the projection wrote them, built by one SQL
 * expression, so the snapshot taken at approval and the one taken after a
 * later edit compare as jsonb: equal means nothing changed since approval.
 */

export interface WeekKey {
	userId: string;
	week: string;
}


const ENTRY_FIELDS = `'id', e.id, 'date', e.date, 'startMinute', e.start_minute, 'endMinute', e.end_minute, 'minutes', e.minutes,
	'ticketId', e.ticket_id, 'taskId', e.task_id, 'projectId', e.project_id, 'customerId', e.customer_id,
	'workRole', e.work_role, 'billable', e.billable, 'notes', e.notes`;
const EXPENSE_FIELDS = `'id', x.id, 'date', x.date, 'category', x.category, 'amount', x.amount, 'billable', x.billable,
	'markupBasisPoints', x.markup_basis_points, 'receiptFileId', x.receipt_file_id, 'customerId', x.customer_id,
	'ticketId', x.ticket_id, 'projectId', x.project_id, 'notes', x.notes`;

/** The week `w` (columns tenant_id, user_id, week) as it is now: `{entries, expenses}`. */
const SNAPSHOT = `jsonb_build_object(
	'entries', (SELECT coalesce(jsonb_agg(jsonb_build_object(${ENTRY_FIELDS}) ORDER BY e.id), '[]'::jsonb) FROM time_entries e
		WHERE e.tenant_id = w.tenant_id AND e.user_id = w.user_id AND e.week = w.week AND e.deleted_at IS NULL),
	'expenses', (SELECT coalesce(jsonb_agg(jsonb_build_object(${EXPENSE_FIELDS}) ORDER BY x.id), '[]'::jsonb) FROM expenses x
		WHERE x.tenant_id = w.tenant_id AND x.user_id = w.user_id AND x.week = w.week AND x.deleted_at IS NULL))`;

const COLUMNS = `w.user_id AS "userId", w.week, w.status, w.submitted_at AS "submittedAt", w.decided_at AS "decidedAt",
	w.decided_by::text AS "decidedBy", u.name AS "decidedByName", w.comment, w.changed_after_approval AS "changedAfterApproval"`;

const keysJson = (weeks: WeekKey[]) => JSON.stringify(weeks.map(({ userId, week }) => ({ user_id: userId, week })));

function normalize(row: WeekApprovalRow): WeekApprovalRow {
	const iso = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());
	return { ...row, submittedAt: iso(row.submittedAt), decidedAt: iso(row.decidedAt) };
}

/** The approvals of these weeks; `forUpdate` holds their rows to the end of the caller's transaction. */
export async function approvalsOf(db: Db, tenantId: string, weeks: WeekKey[], forUpdate = false): Promise<Map<string, WeekApprovalRow>> {
	if (weeks.length === 0) return new Map();
	const rows = await db.query<WeekApprovalRow>(
		`SELECT ${COLUMNS} FROM week_approvals w
		 JOIN jsonb_to_recordset($2::jsonb) AS k(user_id text, week text) ON k.user_id = w.user_id AND k.week = w.week
		 LEFT JOIN users u ON u.id = w.decided_by
		 WHERE w.tenant_id = $1 ${forUpdate ? 'FOR UPDATE OF w' : ''}`,
		[tenantId, keysJson(weeks)]
	);
	return new Map(rows.map((r) => [weekKey(r), normalize(r)]));
}

export const weekKey = ({ userId, week }: WeekKey) => `${userId}|${week}`;

/** What each week's person last did, from its projected entity: submitted (and when), or not. */
export async function submissionsOf(db: Db, tenantId: string, weeks: WeekKey[]): Promise<Map<string, string | null>> {
	const rows = await db.query<WeekKey & { submittedAt: string | null }>(
		`SELECT t.user_id AS "userId", t.week, t.submitted_at AS "submittedAt" FROM timesheets t
		 JOIN jsonb_to_recordset($2::jsonb) AS k(user_id text, week text) ON k.user_id = t.user_id AND k.week = t.week
		 WHERE t.tenant_id = $1 AND t.status = 'submitted' AND t.deleted_at IS NULL`,
		[tenantId, keysJson(weeks)]
	);
	return new Map(rows.map((r) => [weekKey(r), r.submittedAt ? new Date(r.submittedAt).toISOString() : null]));
}

/** Records new submissions (a week resubmitted after a decision starts over as submitted). */
export async function recordSubmissions(db: Db, tenantId: string, weeks: (WeekKey & { submittedAt: string | null })[]): Promise<void> {
	if (weeks.length === 0) return;
	await db.query(
		`INSERT INTO week_approvals (tenant_id, user_id, week, status, submitted_at)
		 SELECT $1, k.user_id, k.week, 'submitted', k.submitted_at FROM jsonb_to_recordset($2::jsonb) AS k(user_id text, week text, submitted_at timestamptz)
		 ON CONFLICT (tenant_id, user_id, week) DO UPDATE SET status = 'submitted', submitted_at = excluded.submitted_at,
		 decided_at = NULL, decided_by = NULL, comment = NULL, approved_snapshot = NULL, changed_after_approval = false`,
		[tenantId, JSON.stringify(weeks.map(({ userId, week, submittedAt }) => ({ user_id: userId, week, submitted_at: submittedAt })))]
	);
}

/** Approves the weeks as they are now: their snapshot is what billing may bill. `decidedBy` null: approved on submit. */
export async function approveWeeks(db: Db, tenantId: string, weeks: WeekKey[], decidedBy: string | null, at: Date): Promise<void> {
	if (weeks.length === 0) return;
	await db.query(
		`UPDATE week_approvals w SET status = 'approved', decided_at = $3, decided_by = $4, comment = NULL,
		 approved_snapshot = ${SNAPSHOT}, changed_after_approval = false
		 FROM jsonb_to_recordset($2::jsonb) AS k(user_id text, week text)
		 WHERE w.tenant_id = $1 AND w.user_id = k.user_id AND w.week = k.week`,
		[tenantId, keysJson(weeks), at.toISOString(), decidedBy]
	);
}

/** Rejects (or reopens) the weeks with the approver's comment: they are open to edits again. */
export async function rejectWeeks(db: Db, tenantId: string, weeks: WeekKey[], decidedBy: string, comment: string, at: Date): Promise<void> {
	await db.query(
		`UPDATE week_approvals w SET status = 'rejected', decided_at = $3, decided_by = $4, comment = $5,
		 approved_snapshot = NULL, changed_after_approval = false
		 FROM jsonb_to_recordset($2::jsonb) AS k(user_id text, week text)
		 WHERE w.tenant_id = $1 AND w.user_id = k.user_id AND w.week = k.week`,
		[tenantId, keysJson(weeks), at.toISOString(), decidedBy, comment]
	);
}

/** Flags approved weeks whose rows now differ from what was approved (and unflags one edited back); returns the weeks whose flag moved. */
export async function flagChangedWeeks(db: Db, tenantId: string, weeks: WeekKey[]): Promise<WeekKey[]> {
	if (weeks.length === 0) return [];
	return db.query<WeekKey>(
		`UPDATE week_approvals w SET changed_after_approval = NOT changed_after_approval
		 FROM jsonb_to_recordset($2::jsonb) AS k(user_id text, week text)
		 WHERE w.tenant_id = $1 AND w.user_id = k.user_id AND w.week = k.week AND w.status = 'approved'
		 AND w.changed_after_approval = (w.approved_snapshot = ${SNAPSHOT})
		 RETURNING w.user_id AS "userId", w.week`,
		[tenantId, keysJson(weeks)]
	);
}

/** A week as approved and as it is now, for the approver to see what changed. */
export async function snapshotsOf(db: Db, tenantId: string, week: WeekKey): Promise<{ approved: WeekContent | null; now: WeekContent }> {
	const rows = await db.query<{ approved: WeekContent | null; now: WeekContent }>(
		`SELECT w.approved AS approved, ${SNAPSHOT} AS now
		 FROM (SELECT $1::uuid AS tenant_id, $2::text AS user_id, $3::text AS week,
		 (SELECT approved_snapshot FROM week_approvals WHERE tenant_id = $1 AND user_id = $2 AND week = $3) AS approved) w`,
		[tenantId, week.userId, week.week]
	);
	return rows[0];
}
