import { staff } from '#lib/server/auth/staff.js';
import { runPdfResponse } from '#lib/server/billing/pdf-response.js';
import { db } from '#lib/server/db/index.js';
import { endpoint } from '#lib/server/http/api.js';
import { uuidParam } from '#lib/server/http/validate.js';
import { readInvoices } from '#lib/server/repositories/invoices.js';

/** Every invoice of a posted run in one PDF, each starting on its own page. */
export const GET = endpoint(async ({ locals, params }) => {
	const me = staff(locals, 'billing.manage');
	const invoices = await readInvoices(db(), me.tenantId, { runId: uuidParam(params.id, 'No such billing run.') });
	return runPdfResponse(db(), me.tenantId, invoices, `invoices-${invoices[0]?.periodStart.slice(0, 7) ?? 'run'}`);
});
