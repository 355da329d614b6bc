import { json } from '@sveltejs/kit';
import { staff } from '#lib/server/auth/staff.js';
import { db } from '#lib/server/db/index.js';
import { endpoint } from '#lib/server/http/api.js';
import { notFound } from '#lib/server/http/errors.js';
import { uuidParam } from '#lib/server/http/validate.js';
import { listPayments, readInvoice } from '#lib/server/repositories/invoices.js';

/** A posted invoice with its lines and payments. */
export const GET = endpoint(async ({ locals, params }) => {
	const me = staff(locals, 'billing.manage');
	const id = uuidParam(params.id, 'No such invoice.');
	const invoice = await readInvoice(db(), me.tenantId, id);
	if (!invoice) throw notFound('No such invoice.');
	return json({ invoice, payments: await listPayments(db(), me.tenantId, id) });
});
