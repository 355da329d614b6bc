import { staff } from '#lib/server/auth/staff.js';
import { invoicePdfResponse } from '#lib/server/billing/pdf-response.js';
import { db } from '#lib/server/db/index.js';
import { endpoint } from '#lib/server/http/api.js';
import { notFound } from '#lib/server/http/errors.js';
import { uuidParam } from '#lib/server/http/validate.js';
import { readInvoice } from '#lib/server/repositories/invoices.js';

export const GET = endpoint(async ({ locals, params }) => {
	const me = staff(locals, 'billing.manage');
	const invoice = await readInvoice(db(), me.tenantId, uuidParam(params.id, 'No such invoice.'));
	if (!invoice) throw notFound('No such invoice.');
	return invoicePdfResponse(db(), me.tenantId, invoice);
});
