import { termsLabel } from '#lib/domain/billing/invoice.js';
import { taxSummary } from '#lib/domain/billing/tax.js';
import { formatDay, requireDay } from '#lib/domain/contracts/days.js';
import type { Identity } from '../auth/sessions.js';
import type { Db } from '../db/index.js';
import { AppError, conflict, invalid, notFound } from '../http/errors.js';
import { appendAudit } from '../repositories/audit.js';
import { draftCustomers, lockRun, purgeDraftLines, type DraftCustomer } from '../repositories/billing-runs.js';
import { billedMeanwhile, closeRun, insertInvoices, postDraftLines, takeNumbers, weeksChangedSince, type InvoiceHeader } from '../repositories/invoice-posting.js';
import { alertLowBalances } from './low-balance.js';

/**
 * Posting a run: all in one transaction, so nothing is ever half-posted. The
 * run's row is held (a second post of it waits, then finds it posted); the
 * draft must still hold — its time approved and unchanged, nothing billed by
 * another run since — else it says so and posts nothing; numbers come gapless
 * from the year's counter; the invoices never change afterwards.
 */

export const invoiceNumber = (prefix: 'INV' | 'CN', year: string, n: number) => `${prefix}-${year}-${String(n).padStart(5, '0')}`;

/** A customer's tax, by the rule (tax.ts): the untaxed rest and each rate's taxable sum, rounded once per rate. */
export function draftTax(customer: Pick<DraftCustomer, 'subtotal' | 'taxable'>) {
	const taxed = customer.taxable.reduce((sum, t) => sum + t.amount, 0);
	return taxSummary([{ amount: customer.subtotal - taxed, taxable: false, taxBasisPoints: 0 }, ...customer.taxable.map((t) => ({ amount: t.amount, taxable: true, taxBasisPoints: t.basisPoints }))]);
}

const UNIQUE_VIOLATION = '23505';

export async function postRun(db: Db, actor: Identity, runId: string): Promise<{ invoices: number; first: string | null; last: string | null }> {
	let posted;
	try {
		posted = await db.transaction((tx) => postInside(tx, actor, runId));
	} catch (error) {
		// another run billed some of the same sources since this draft: the insert met its key, and everything rolled back
		if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
		const by = await billedMeanwhile(db, actor.tenantId, runId);
		throw conflict('billed_meanwhile', `Some lines were billed by another run since this draft${by.length ? ` (${by.join(', ')})` : ''}. Nothing was posted: re-draft the run.`);
	}
	// the drafts are its invoices now; removing 100,000 lines need not hold up the answer
	void purgeDraftLines(db, actor.tenantId, runId).catch((error) => console.error('purging posted drafts:', error));
	await alertLowBalances(db, actor.tenantId, posted.balances);
	return posted.range;
}

async function postInside(tx: Db, actor: Identity, runId: string) {
	const { tenantId } = actor;
	const run = await lockRun(tx, tenantId, runId);
	if (!run) throw notFound('No such billing run.');
	if (run.status === 'posted') throw conflict('run_posted', 'This run is posted already: each invoice was numbered once.');
	const customers = await draftCustomers(tx, tenantId, runId);
	if (customers.length === 0) throw invalid('Nothing to post: this run has no lines. Re-draft it once time is approved, or discard it.');
	const stale = await weeksChangedSince(tx, tenantId, run.notes.weeks ?? []);
	if (stale > 0) throw conflict('draft_stale', `${stale} timesheet ${stale === 1 ? 'week' : 'weeks'} changed after approval since this draft. Nothing was posted: re-draft the run.`);
	const negative = customers.find((c) => draftTax(c).total < 0);
	if (negative) throw new AppError(400, 'negative_invoice', `The invoice of ${negative.customerName} comes to less than zero. Adjust its lines, or correct a posted invoice with a credit note.`);
	const year = run.issuedOn.slice(0, 4);
	const first = await takeNumbers(tx, tenantId, `invoice:${year}`, customers.length);
	const headers: InvoiceHeader[] = customers.map((c, i) => {
		const tax = draftTax(c);
		return {
			id: c.invoiceId, number: invoiceNumber('INV', year, first + i), runId, customerId: c.customerId, customerName: c.customerName, billTo: c.billTo,
			issuedOn: run.issuedOn, dueOn: formatDay(requireDay(run.issuedOn) + c.dueDays), periodStart: run.periodStart, periodEnd: run.periodEnd, currency: c.currency,
			terms: termsLabel(c.dueDays), creditOf: null, subtotal: tax.subtotal, tax: tax.tax, total: tax.total, taxByRate: tax.byRate, postedBy: actor.userId
		};
	});
	await insertInvoices(tx, tenantId, headers);
	await postDraftLines(tx, tenantId, runId);
	await closeRun(tx, tenantId, runId, actor.userId);
	const range = { invoices: headers.length, first: headers[0].number, last: headers.at(-1)!.number };
	await appendAudit(tx, { tenantId, actorId: actor.userId, action: 'billing.run.post', subject: runId, data: range });
	return { range, balances: run.notes.balances ?? [] };
}
