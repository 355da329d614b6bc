import { stampApproval } from '#lib/domain/timesheet/approval.js';
import { timesheetDocName } from '#lib/domain/timesheet/weeks.js';
import type { Db } from '../db/index.js';
import { writeStoredEdits, type StoredEdit } from '../documents/edit-stored.js';
import { approvalsOf, weekKey, type WeekKey } from '../repositories/week-approvals.js';

/**
 * Stamps each week's approval, as Postgres has it, into the week's document
 * (decision 026), so the person's devices know offline that a week is locked.
 * Only what differs is written: a week stamped already costs a read, and a
 * stamp a client changed is put back. Weeks with no approval are left alone.
 * Returns the edits for `publishLive`.
 */
export async function stampWeeks(db: Db, tenantId: string, weeks: WeekKey[]): Promise<StoredEdit[]> {
	if (weeks.length === 0) return [];
	const approvals = await approvalsOf(db, tenantId, weeks);
	const byName = new Map(weeks.map((w) => [timesheetDocName(tenantId, w.userId, w.week), w]));
	return writeStoredEdits(db, tenantId, [...byName.keys()], (name, doc) => {
		const approval = approvals.get(weekKey(byName.get(name)!));
		if (!approval) return;
		const { status, decidedAt, decidedBy, decidedByName, comment, changedAfterApproval } = approval;
		stampApproval(doc, { status, decidedAt, decidedBy, decidedByName, comment, changedAfterApproval });
	});
}
