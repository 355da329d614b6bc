import { APPROVAL_MAP, stampApproval } from '#lib/domain/timesheet/approval.js';
import { timesheetDocName } from '#lib/domain/timesheet/weeks.js';
import type { Db } from '../db/index.js';
import { writeStoredEdits, type StoredEdit } from '../documents/edit-stored.js';
import { approvalsOf, weekKey, type WeekKey } from '../repositories/week-approvals.js';

/**
 * Stamps each week's approval, as Postgres has it, into the week's document
 * (decision 026), so the person's devices know offline that a week is locked.
 * Only what differs is written: a week stamped already costs a read. A week
 * with no approval (never submitted) gets its stamp cleared, so a client
 * cannot make a week look approved. Returns the edits for `publishLive`.
 */
export async function stampWeeks(db: Db, tenantId: string, weeks: WeekKey[]): Promise<StoredEdit[]> {
	if (weeks.length === 0) return [];
	const approvals = await approvalsOf(db, tenantId, weeks);
	const byName = new Map(weeks.map((w) => [timesheetDocName(tenantId, w.userId, w.week), w]));
	return writeStoredEdits(db, tenantId, [...byName.keys()], (name, doc) => {
		const approval = approvals.get(weekKey(byName.get(name)!));
		if (approval) {
			const { status, decidedAt, decidedBy, decidedByName, comment, changedAfterApproval } = approval;
			stampApproval(doc, { status, decidedAt, decidedBy, decidedByName, comment, changedAfterApproval });
		} else {
			const map = doc.getMap(APPROVAL_MAP);
			if (map.size > 0) doc.transact(() => map.clear());
		}
	});
}
