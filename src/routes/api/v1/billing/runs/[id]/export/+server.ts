import { staff } from '#lib/server/auth/staff.js';
import { exportResponse, isExportFormat } from '#lib/server/billing/run-exports.js';
import { db } from '#lib/server/db/index.js';
import { endpoint } from '#lib/server/http/api.js';
import { invalid } from '#lib/server/http/errors.js';
import { uuidParam } from '#lib/server/http/validate.js';
import { readInvoices } from '#lib/server/repositories/invoices.js';

/** A posted run's invoices for accounting: `?format=qbo` (QuickBooks Online CSV), `iif` (QuickBooks Desktop) or `csv`. */
export const GET = endpoint(async ({ locals, params, url }) => {
	const me = staff(locals, 'billing.manage');
	const format = url.searchParams.get('format');
	if (!isExportFormat(format)) throw invalid('Choose the format: qbo, iif or csv.');
	const runId = uuidParam(params.id, 'No such billing run.');
	const invoices = await readInvoices(db(), me.tenantId, { runId });
	return exportResponse(db(), me.tenantId, invoices, format, `invoices-${invoices[0]?.periodStart.slice(0, 7) ?? 'run'}`);
});
