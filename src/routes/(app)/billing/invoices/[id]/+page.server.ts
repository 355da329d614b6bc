import { staff } from '#lib/server/auth/staff.js';
import { creditFromForm, paymentFromForm } from '#lib/server/billing/billing-forms.js';
import { issueCreditNote, recordPayment } from '#lib/server/billing/invoice-actions.js';
import { tenantToday } from '#lib/server/billing/today.js';
import { db } from '#lib/server/db/index.js';
import { notFound } from '#lib/server/http/errors.js';
import { formAction } from '#lib/server/http/forms.js';
import { uuidParam } from '#lib/server/http/validate.js';
import { listInvoices, listPayments, readInvoice } from '#lib/server/repositories/invoices.js';
import type { Actions, PageServerLoad } from './$types';

/** A posted invoice with its payments, the credit notes against it, or (a credit note) the invoice it corrects. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const me = staff(locals, 'billing.manage');
	const id = uuidParam(params.id, 'No such invoice.');
	const invoice = await readInvoice(db(), me.tenantId, id);
	if (!invoice) throw notFound('No such invoice.');
	const today = tenantToday(me);
	const [payments, theirs] = await Promise.all([listPayments(db(), me.tenantId, id), listInvoices(db(), me.tenantId, { customerId: invoice.customerId, today }, 5_000)]);
	const original = invoice.creditOf ? (theirs.find((i) => i.number === invoice.creditOf) ?? null) : null;
	return { invoice, payments, today, credits: theirs.filter((i) => i.creditOf === invoice.number), original: original && { id: original.id, number: original.number } };
};

type Event = { request: Request; locals: App.Locals; params: { id?: string } };

export const actions: Actions = {
	payment: ({ request, locals, params }: Event) =>
		formAction(request, async (form) => {
			const me = staff(locals, 'billing.manage');
			await recordPayment(db(), me, uuidParam(params.id, 'No such invoice.'), paymentFromForm(form, String(form.get('currency') ?? '')));
			return { done: 'Payment recorded.' };
		}),
	credit: ({ request, locals, params }: Event) =>
		formAction(request, async (form) => {
			const me = staff(locals, 'billing.manage');
			const note = await issueCreditNote(db(), me, uuidParam(params.id, 'No such invoice.'), { ...creditFromForm(form), issuedOn: tenantToday(me) });
			return { done: `Credit note ${note.number} issued.`, credit: note };
		})
};
