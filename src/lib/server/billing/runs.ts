import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { adjustmentProblems, lineAmount, type Adjustment } from '#lib/domain/billing/adjustment.js';
import { draftRun, type DraftInvoice } from '#lib/domain/billing/draft.js';
import type { DraftLine } from '#lib/domain/billing/recurring.js';
import type { Identity } from '../auth/sessions.js';
import type { Db } from '../db/index.js';
import { conflict, invalid, notFound } from '../http/errors.js';
import { appendAudit } from '../repositories/audit.js';
import { loadBillingInputs, type FromWeek } from '../repositories/billing-inputs.js';
import { adjustDraftLine, adjustedLines, deleteRun, getRun, insertRun, lockRun, replaceDrafts, type BillingRun, type DraftHeader, type StoredDraftLine } from '../repositories/billing-runs.js';
import { draftInput } from './draft-input.js';

/**
 * A billing run, start to draft: a period (usually a month), drafted from
 * what is approved and not yet billed; re-drafted whenever time is approved
 * late, carrying people's adjustments over; adjusted line by line with a
 * reason, audited. Posting is post-run.ts.
 */

const day = z.iso.date('A date is YYYY-MM-DD.');
export const runInput = z
	.object({ periodStart: day, periodEnd: day, issuedOn: day.optional() })
	.refine((r) => r.periodEnd >= r.periodStart, { message: 'The period ends on or after its start.', path: ['periodEnd'] })
	.refine((r) => daysBetween(r.periodStart, r.periodEnd) <= 366, { message: 'A run covers at most a year.', path: ['periodEnd'] });

const daysBetween = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;

export async function startRun(db: Db, actor: Identity, input: z.infer<typeof runInput>, today: string): Promise<BillingRun> {
	const id = uuidv7();
	await insertRun(db, actor.tenantId, { id, periodStart: input.periodStart, periodEnd: input.periodEnd, issuedOn: input.issuedOn ?? today, createdBy: actor.userId });
	await appendAudit(db, { tenantId: actor.tenantId, actorId: actor.userId, action: 'billing.run.start', subject: id, data: { periodStart: input.periodStart, periodEnd: input.periodEnd } });
	return redraft(db, actor.tenantId, id);
}

// a plan's cycle bills a line per device type under one source: the description tells them apart
const adjustmentKey = (l: Pick<DraftLine, 'kind' | 'sourceKind' | 'sourceId' | 'description'>) => `${l.kind}|${l.sourceKind}|${l.sourceId}|${l.description}`;

/** Someone's adjustment survives a re-draft on the line of the same kind, source and description; the run's own figure is kept beside it. */
function carryAdjustments(invoices: DraftInvoice[], adjusted: StoredDraftLine[]): DraftInvoice[] {
	if (adjusted.length === 0) return invoices;
	const byKey = new Map(adjusted.map((l) => [adjustmentKey(l), l]));
	return invoices.map((invoice) => ({
		...invoice,
		lines: invoice.lines.map((line) => {
			const was = byKey.get(adjustmentKey(line));
			return was ? { ...line, quantity: was.quantity, unitPrice: was.unitPrice, amount: was.amount, draftedAmount: line.amount, adjustReason: was.adjustReason } : line;
		})
	}));
}

/** Drafts the run again from what is approved and unbilled now. */
export async function redraft(db: Db, tenantId: string, runId: string): Promise<BillingRun> {
	const run = await getRun(db, tenantId, runId, { totals: false });
	if (!run) throw notFound('No such billing run.');
	if (run.status === 'posted') throw conflict('run_posted', 'This run is posted: its invoices never change. Start a new run for anything billed since.');
	const period = { start: run.periodStart, end: run.periodEnd };
	const loaded = await loadBillingInputs(db, tenantId, period);
	const { input, customers } = draftInput(loaded, period);
	const { invoices, problems } = draftRun(input);
	const drafted = await db.transaction(async (tx) => {
		if ((await lockRun(tx, tenantId, runId))?.status !== 'draft') throw conflict('run_posted', 'This run was posted meanwhile.');
		const carried = carryAdjustments(invoices, await adjustedLines(tx, tenantId, runId));
		const headers: DraftHeader[] = carried.map((i) => {
			const c = customers.get(i.customerId)!;
			return { invoiceId: uuidv7(), customerId: i.customerId, customerName: i.customerName, currency: i.currency, dueDays: i.dueDays, billTo: { name: c.name, email: i.billToEmail, address: c.address, taxId: c.taxId } };
		});
		const balances = invoices.flatMap((i) => i.balances.map((b) => ({ ...b, customerId: i.customerId })));
		const notes = { problems, balances, weeks: weeksOf([...loaded.entries, ...loaded.expenses]) };
		await replaceDrafts(tx, tenantId, runId, headers, carried, notes);
		return { carried, notes };
	});
	// the figures as just written: a second pass over 100,000 lines would tell nothing new
	const lines = drafted.carried.flatMap((i) => i.lines);
	return { ...run, draftedAt: new Date().toISOString(), notes: drafted.notes, customers: drafted.carried.length, lines: lines.length, subtotal: lines.reduce((sum, l) => sum + l.amount, 0) };
}

/** The distinct approved weeks of the work a draft bills, as they were approved. */
function weeksOf(work: readonly FromWeek[]): FromWeek[] {
	const weeks = new Map<string, FromWeek>();
	for (const { userId, week, decided } of work) weeks.set(`${userId} ${week}`, { userId, week, decided });
	return [...weeks.values()];
}

/** Discards a draft run, audited; a posted one stays (its invoices are numbered). */
export async function discardRun(db: Db, actor: Identity, runId: string): Promise<void> {
	await db.transaction(async (tx) => {
		const run = await lockRun(tx, actor.tenantId, runId);
		if (!run) throw notFound('No such billing run.');
		if (run.status === 'posted') throw conflict('run_posted', 'A posted run stays: its invoices are numbered. Correct them with credit notes.');
		await deleteRun(tx, actor.tenantId, runId);
		await appendAudit(tx, { tenantId: actor.tenantId, actorId: actor.userId, action: 'billing.run.discard', subject: runId, data: { periodStart: run.periodStart, periodEnd: run.periodEnd } });
	});
}

export const adjustmentInput = z.object({
	quantity: z.coerce.number({ message: 'A quantity is a number.' }),
	unitPrice: z.coerce.number({ message: 'A price is a number.' }),
	reason: z.string().default('')
});

/** Changes one draft line, with the reason in the audit log. */
export async function adjustLine(db: Db, actor: Identity, runId: string, lineNo: number, change: Adjustment): Promise<StoredDraftLine> {
	const problems = adjustmentProblems(change);
	if (problems) throw invalid('The line was not changed.', problems);
	return db.transaction(async (tx) => {
		if ((await lockRun(tx, actor.tenantId, runId))?.status !== 'draft') throw conflict('run_posted', 'This run is posted: its invoices never change. Issue a credit note instead.');
		const line = await adjustDraftLine(tx, actor.tenantId, runId, lineNo, { ...change, reason: change.reason.trim(), amount: lineAmount(change.quantity, change.unitPrice) });
		if (!line) throw notFound('No such line in this run.');
		await appendAudit(tx, { tenantId: actor.tenantId, actorId: actor.userId, action: 'billing.line.adjust', subject: runId, data: { lineNo, customerId: line.customerId, description: line.description, from: line.draftedAmount, to: line.amount, reason: line.adjustReason } });
		return line;
	});
}
