import { invoicePdfResponse } from '#lib/server/billing/pdf-response.js';
import { db } from '#lib/server/db/index.js';
import { endpoint } from '#lib/server/http/api.js';
import { portalInvoice } from '#lib/server/portal/invoices.js';
import { portalUser } from '#lib/server/portal/guard.js';

/** The company's invoice as a PDF. */
export const GET = endpoint(async ({ locals, params }) => {
	const me = portalUser(locals);
	const invoice = await portalInvoice(db(), me, params.id);
	return invoicePdfResponse(db(), me.tenantId, invoice);
});
