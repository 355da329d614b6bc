import { z } from 'zod';
import { staff } from '#lib/server/auth/staff.js';
import { tenantToday } from '#lib/server/billing/today.js';
import { db } from '#lib/server/db/index.js';
import { listInvoices } from '#lib/server/repositories/invoices.js';
import type { PageServerLoad } from './$types';

const SHOWN = 500;
const view = z.enum(['open', 'overdue', 'paid', 'all']).catch('open');

/** Invoices by state (`?status=`), newest first; `?q=` narrows to a customer's name or an invoice number. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const me = staff(locals, 'billing.manage');
	const status = view.parse(url.searchParams.get('status') ?? undefined);
	const q = (url.searchParams.get('q') ?? '').trim().slice(0, 100);
	// a search reads further back than the newest page, then keeps what matches
	const rows = await listInvoices(db(), me.tenantId, { status: status === 'all' ? undefined : status, today: tenantToday(me) }, q ? 10 * SHOWN : SHOWN);
	const needle = q.toLowerCase();
	const matching = needle ? rows.filter((i) => i.customerName.toLowerCase().includes(needle) || i.number.toLowerCase().includes(needle)) : rows;
	return { status, q, invoices: matching.slice(0, SHOWN), more: matching.length > SHOWN || rows.length === (q ? 10 * SHOWN : SHOWN) };
};
