import { json } from '@sveltejs/kit';
import { INVOICE_STATUSES } from '#lib/domain/billing/invoice.js';
import { staff } from '#lib/server/auth/staff.js';
import { tenantToday } from '#lib/server/billing/today.js';
import { db } from '#lib/server/db/index.js';
import { endpoint } from '#lib/server/http/api.js';
import { listInvoices, type InvoiceFilter } from '#lib/server/repositories/invoices.js';

const STATUSES: readonly string[] = [...INVOICE_STATUSES, 'overdue', 'open'];

/** Invoices, newest first: `?status=` (posted, sent, paid, void, open, overdue), `?customer=`. */
export const GET = endpoint(async ({ locals, url }) => {
	const me = staff(locals, 'billing.manage');
	const status = url.searchParams.get('status');
	const filter: InvoiceFilter = { today: tenantToday(me), customerId: url.searchParams.get('customer') ?? undefined };
	if (status && STATUSES.includes(status)) filter.status = status as InvoiceFilter['status'];
	return json({ invoices: await listInvoices(db(), me.tenantId, filter) });
});
