import { parseDocName } from '#lib/domain/documents/names.js';
import { timesheetOwner } from '#lib/domain/timesheet/projection.js';
import { serverNow } from '../clock.js';
import type { Db } from '../db/index.js';
import { publishLive } from '../documents/edit-stored.js';
import { getTenant } from '../repositories/tenants.js';
import { approvalsOf, approveWeeks, flagChangedWeeks, recordSubmissions, submissionsOf, weekKey, type WeekKey } from '../repositories/week-approvals.js';
import { stampWeeks } from './approval-stamps.js';

/**
 * After each materializer round, the timesheet weeks of the round (decision 026):
 * a new submission becomes a week waiting for approval (approved at once when
 * the tenant auto-approves); an approved week whose rows now differ from what
 * was approved is flagged "changed after approval" — the edit is kept, the week
 * is held out of billing until approved again. Then each week's stamp is brought
 * in line. Never fails the round: a failure is logged and the next edit retries.
 */
export async function reviewWeeksAfterRound(db: Db, docs: { tenantId: string; docName: string }[]): Promise<void> {
	const byTenant = new Map<string, WeekKey[]>();
	for (const { tenantId, docName } of docs) {
		if (parseDocName(docName)?.kind !== 'timesheet') continue;
		byTenant.set(tenantId, [...(byTenant.get(tenantId) ?? []), timesheetOwner(docName)]);
	}
	for (const [tenantId, weeks] of byTenant) {
		try {
			publishLive(await db.transaction((tx) => reviewTenantWeeks(tx, tenantId, weeks)));
		} catch (error) {
			console.error('timesheets: cannot review weeks:', error);
		}
	}
}

async function reviewTenantWeeks(tx: Db, tenantId: string, weeks: WeekKey[]) {
	const submissions = await submissionsOf(tx, tenantId, weeks);
	const approvals = await approvalsOf(tx, tenantId, weeks, true);
	// a submission is new when the person's submittedAt is not the one the last decision answered
	const fresh = weeks
		.filter((w) => submissions.has(weekKey(w)) && submissions.get(weekKey(w)) !== approvals.get(weekKey(w))?.submittedAt)
		.map((w) => ({ ...w, submittedAt: submissions.get(weekKey(w))! }));
	await recordSubmissions(tx, tenantId, fresh);
	if (fresh.length > 0 && (await getTenant(tx, tenantId))?.autoApproveTimesheets) await approveWeeks(tx, tenantId, fresh, null, serverNow(tenantId));
	await flagChangedWeeks(tx, tenantId, weeks);
	// a week never submitted (most edits: the week being filled in) has no stamp to keep: its document is not loaded again
	const decided = new Set([...approvals.keys(), ...fresh.map(weekKey)]);
	return stampWeeks(tx, tenantId, weeks.filter((w) => decided.has(weekKey(w))));
}
