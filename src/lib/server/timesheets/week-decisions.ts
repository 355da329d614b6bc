import { z } from 'zod';
import { weekChanges } from '#lib/domain/timesheet/approval-diff.js';
import { isWeek } from '#lib/domain/timesheet/weeks.js';
import type { Identity } from '../auth/sessions.js';
import { serverNow } from '../clock.js';
import type { Db } from '../db/index.js';
import { publishLive } from '../documents/edit-stored.js';
import { conflict, notFound } from '../http/errors.js';
import { parseInput } from '../http/validate.js';
import { appendAudit } from '../repositories/audit.js';
import { approvalsOf, approveWeeks, rejectWeeks, snapshotsOf, weekKey, type WeekKey } from '../repositories/week-approvals.js';
import { idsIn, type WeekApprovalRow } from '#lib/domain/timesheet/approval.js';
import { recordNames } from '../repositories/record-names.js';
import { stampWeeks } from './approval-stamps.js';

/** The most weeks one decision takes (an approver's whole team for a month, and then some). */
export const MAX_WEEKS_PER_DECISION = 500;

export const decisionInput = z
	.object({
		weeks: z
			.array(z.object({ userId: z.string().min(1).max(64), week: z.string().refine(isWeek, 'A week is YYYY-Www, e.g. 2026-W49.') }))
			.min(1, 'Choose at least one week.')
			.max(MAX_WEEKS_PER_DECISION, `At most ${MAX_WEEKS_PER_DECISION} weeks at once.`),
		decision: z.enum(['approve', 'reject'], { message: 'The decision is approve or reject.' }),
		comment: z.string().trim().max(2000, 'Keep the comment under 2,000 characters.').optional()
	})
	.refine((d) => d.decision === 'approve' || !!d.comment, { message: 'Say why the week is rejected: the person reads your comment.', path: ['comment'] });

export type DecisionInput = z.infer<typeof decisionInput>;

/** Why one week cannot take the decision, or null when it can. */
function refusal(decision: DecisionInput['decision'], approval: WeekApprovalRow | undefined): string | null {
	if (!approval) return 'has not been submitted';
	if (decision === 'approve' && approval.status === 'approved' && !approval.changedAfterApproval) return 'is approved already';
	if (decision === 'reject' && approval.status === 'rejected') return 'is rejected already';
	return null;
}

/**
 * Approves or rejects weeks, all or none: one transaction holds their rows, so
 * two approvers deciding at once decide one after the other, and a week that
 * cannot take the decision refuses the whole batch with its reason. Approving
 * records the week as it is now (what billing may bill); rejecting, or
 * reopening an approved week, unlocks it. The stamps reach the documents after the commit.
 */
export async function decideWeeks(db: Db, actor: Identity, input: DecisionInput): Promise<{ decided: number }> {
	const weeks = uniqueWeeks(input.weeks);
	const at = serverNow(actor.tenantId);
	const edits = await db.transaction(async (tx) => {
		const approvals = await approvalsOf(tx, actor.tenantId, weeks, true);
		const refused = weeks.flatMap((w) => {
			const why = refusal(input.decision, approvals.get(weekKey(w)));
			return why ? [`${w.week} of ${w.userId} ${why}`] : [];
		});
		if (refused.length > 0) throw conflict('week_not_decidable', `Nothing was ${input.decision === 'approve' ? 'approved' : 'rejected'}: ${refused.slice(0, 5).join('; ')}${refused.length > 5 ? ` and ${refused.length - 5} more` : ''}.`);
		if (input.decision === 'approve') await approveWeeks(tx, actor.tenantId, weeks, actor.userId, at);
		else await rejectWeeks(tx, actor.tenantId, weeks, actor.userId, input.comment!, at);
		await appendAudit(tx, {
			tenantId: actor.tenantId,
			actorId: actor.userId,
			action: input.decision === 'approve' ? 'timesheets.approved' : 'timesheets.rejected',
			subject: weeks.length === 1 ? weeks[0].week : `${weeks.length} weeks`,
			data: { weeks, comment: input.comment ?? null }
		});
		return stampWeeks(tx, actor.tenantId, weeks);
	});
	publishLive(edits);
	return { decided: weeks.length };
}

function uniqueWeeks(weeks: WeekKey[]): WeekKey[] {
	return [...new Map(weeks.map((w) => [weekKey(w), { userId: w.userId, week: w.week }])).values()];
}

/** One week for the approver: its approval, and what changed since it was approved. */
export async function weekForReview(db: Db, tenantId: string, week: WeekKey) {
	const approval = (await approvalsOf(db, tenantId, [week])).get(weekKey(week));
	if (!approval) throw notFound('That week has not been submitted.');
	const { approved, now } = await snapshotsOf(db, tenantId, week);
	const records = [now, approved].flatMap((c) => (c ? [...c.entries, ...c.expenses] : []));
	return { approval, now, changes: weekChanges(approved, now), names: await recordNames(db, tenantId, idsIn(records)) };
}

/** A decision sent from an approver's form: the weeks, and the comment field. */
export function decisionFromForm(form: FormData, weeks: WeekKey[], decision: DecisionInput['decision']): DecisionInput {
	const comment = String(form.get('comment') ?? '').trim() || undefined;
	return parseInput(decisionInput, { weeks, decision, comment });
}
