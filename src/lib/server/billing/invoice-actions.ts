import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { creditNote } from '#lib/domain/billing/credit-note.js';
import type { Identity } from '../auth/sessions.js';
import type { Db } from '../db/index.js';
import { conflict, invalid, notFound } from '../http/errors.js';
import { appendAudit } from '../repositories/audit.js';
import { insertInvoiceLines, insertInvoices, takeNumbers } from '../repositories/invoice-posting.js';
import { addCredit, insertPayment, lockInvoice, readInvoice } from '../repositories/invoices.js';
import { invoiceNumber } from './post-run.js';

/**
 * What happens to an invoice after posting: payments against it, and credit
 * notes that correct it — itself it never changes. Each in one transaction
 * holding the invoice's row, so two people recording at once take turns.
 */

export const paymentInput = z.object({
	amount: z.number({ message: 'An amount is a number of cents.' }).int('An amount is whole cents.').positive('A payment is more than zero.'),
	paidOn: z.iso.date('A date is YYYY-MM-DD.'),
	method: z.string().trim().max(60).optional(),
	reference: z.string().trim().max(120).optional()
});

export async function recordPayment(db: Db, actor: Identity, invoiceId: string, input: z.infer<typeof paymentInput>): Promise<void> {
	await db.transaction(async (tx) => {
		const invoice = await lockInvoice(tx, actor.tenantId, invoiceId);
		if (!invoice) throw notFound('No such invoice.');
		if (invoice.creditOf) throw invalid('A credit note takes no payment: it reduces what its invoice asks.');
		if (invoice.status === 'void') throw conflict('invoice_void', 'This invoice is void.');
		const due = invoice.total - invoice.credited - invoice.paid;
		if (input.amount > due) throw invalid(`That is more than is due (${due / 100}).`, { amount: 'At most what is still due.' });
		await insertPayment(tx, actor.tenantId, invoiceId, { id: uuidv7(), amount: input.amount, paidOn: input.paidOn, method: input.method || null, reference: input.reference || null, recordedBy: actor.userId });
		await appendAudit(tx, { tenantId: actor.tenantId, actorId: actor.userId, action: 'billing.payment', subject: invoiceId, data: { amount: input.amount, paidOn: input.paidOn } });
	});
}

export const creditInput = z.object({
	lines: z.union([z.literal('all'), z.array(z.object({ lineId: z.string().max(12), amount: z.number().int().positive().optional() })).min(1, 'Choose the lines to credit.')]),
	reason: z.string().trim().min(1, 'Say why the invoice is credited.').max(500),
	issuedOn: z.iso.date()
});

/** Issues a credit note (`CN-2026-00003`) for all or part of a posted invoice. */
export async function issueCreditNote(db: Db, actor: Identity, invoiceId: string, input: z.infer<typeof creditInput>): Promise<{ id: string; number: string }> {
	const invoice = await readInvoice(db, actor.tenantId, invoiceId);
	if (!invoice) throw notFound('No such invoice.');
	if (invoice.creditOf) throw invalid('A credit note cannot itself be credited.');
	let credit: ReturnType<typeof creditNote>;
	try {
		credit = creditNote(invoice.lines, input.lines);
	} catch (error) {
		throw invalid((error as Error).message);
	}
	return db.transaction(async (tx) => {
		const held = (await lockInvoice(tx, actor.tenantId, invoiceId))!;
		if (held.total - held.credited + credit.summary.total < 0) throw invalid('That credits more than the invoice billed, counting earlier credit notes.');
		const year = input.issuedOn.slice(0, 4);
		const number = invoiceNumber('CN', year, await takeNumbers(tx, actor.tenantId, `credit:${year}`, 1));
		const id = uuidv7();
		const { summary } = credit;
		await insertInvoices(tx, actor.tenantId, [{
			id, number, runId: null, customerId: invoice.customerId, customerName: invoice.billTo.name, billTo: invoice.billTo, issuedOn: input.issuedOn, dueOn: input.issuedOn,
			periodStart: invoice.periodStart, periodEnd: invoice.periodEnd, currency: invoice.currency, terms: `Credit for ${invoice.number}: ${input.reason}`, creditOf: invoiceId,
			subtotal: summary.subtotal, tax: summary.tax, total: summary.total, taxByRate: summary.byRate, postedBy: actor.userId
		}]);
		const original = new Map(invoice.lines.map((l) => [l.id, l]));
		await insertInvoiceLines(tx, actor.tenantId, id, credit.lines.map((l, i) => {
			const from = original.get(l.creditsLineId)!;
			return { lineNo: i + 1, contractId: null, kind: from.kind, sourceKind: 'credit', sourceId: `${invoice.number}:${from.id}`, description: l.description, serviceDate: from.serviceDate, quantity: 1, unitPrice: l.amount, amount: l.amount, taxable: l.taxable, taxBasisPoints: l.taxBasisPoints, minutes: null };
		}));
		await addCredit(tx, actor.tenantId, invoiceId, -summary.total);
		await appendAudit(tx, { tenantId: actor.tenantId, actorId: actor.userId, action: 'billing.credit', subject: invoiceId, data: { number, total: summary.total, reason: input.reason } });
		return { id, number };
	});
}
