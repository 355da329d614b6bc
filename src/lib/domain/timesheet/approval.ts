import * as Y from 'yjs';
import { z } from 'zod';

/**
 * A week's approval as the server stamps it into the timesheet document, in the
 * map `approval` that only the server writes (decision 026; Postgres's
 * `week_approvals` decides). The person's device then knows offline that a week
 * is locked, and the approver's page shows what changed after approval.
 */

export const APPROVAL_STATUSES = ['submitted', 'approved', 'rejected'] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

export const weekApproval = z.object({
	status: z.enum(APPROVAL_STATUSES),
	/** when the approver decided (null while submitted) */
	decidedAt: z.string().nullable().default(null),
	decidedBy: z.string().nullable().default(null),
	decidedByName: z.string().nullable().default(null),
	/** the approver's comment: why a week was rejected */
	comment: z.string().nullable().default(null),
	/** an edit reached the week after it was approved: kept, shown, not billed until approved again */
	changedAfterApproval: z.boolean().default(false)
});

export type WeekApproval = z.infer<typeof weekApproval>;

export const APPROVAL_MAP = 'approval';

/** The week's approval as stamped, or null when the server has stamped none (never submitted) or the stamp is not one. */
export function readApproval(doc: Y.Doc): WeekApproval | null {
	const map = doc.getMap(APPROVAL_MAP);
	if (map.size === 0) return null;
	const parsed = weekApproval.safeParse(map.toJSON());
	return parsed.success ? parsed.data : null;
}

/** Writes the stamp (server side): only the keys that differ, so stamping the same approval twice changes nothing. */
export function stampApproval(doc: Y.Doc, approval: WeekApproval): boolean {
	const map = doc.getMap(APPROVAL_MAP);
	const changed = Object.entries(approval).filter(([key, value]) => map.get(key) !== value);
	if (changed.length === 0) return false;
	doc.transact(() => {
		for (const [key, value] of changed) map.set(key, value);
	});
	return true;
}

/** An approved week is locked: the app refuses edits to it, and one that reaches it anyway is flagged. */
export const isLocked = (approval: WeekApproval | null): boolean => approval?.status === 'approved';

/** Why the app refuses an edit to the week, or null when the week is open to edits. */
export function lockMessage(approval: WeekApproval | null): string | null {
	if (!isLocked(approval)) return null;
	const by = approval?.decidedByName ? ` by ${approval.decidedByName}` : '';
	return `This week was approved${by} and is locked: ask your approver to reopen it to change it.`;
}

/** A week's approval as Postgres holds it (what the stamp copies), with whose week it is. */
export interface WeekApprovalRow extends Omit<WeekApproval, 'status'> {
	userId: string;
	week: string;
	status: ApprovalStatus;
	/** the person's submittedAt this decision answers */
	submittedAt: string | null;
}

/** A week in the approver's list: its approval and its totals. */
export interface WeekApprovalSummary extends WeekApprovalRow {
	personName: string;
	minutes: number;
	billableMinutes: number;
	/** expense amounts, minor units */
	expenses: number;
}

/** What the ids in a week's records stand for, as Postgres holds them (an approver reads names, not ids). */
export interface RecordNames {
	tickets: Record<string, { number: number | null; title: string }>;
	tasks: Record<string, string>;
	projects: Record<string, string>;
	customers: Record<string, string>;
}

export interface RecordIds {
	ticketIds: string[];
	taskIds: string[];
	projectIds: string[];
	customerIds: string[];
}

/** The ids the records of these week snapshots point at. */
export function idsIn(records: Record<string, unknown>[]): RecordIds {
	const of = (field: string) => [...new Set(records.map((r) => r[field]).filter((v): v is string => typeof v === 'string' && v !== ''))];
	return { ticketIds: of('ticketId'), taskIds: of('taskId'), projectIds: of('projectId'), customerIds: of('customerId') };
}
