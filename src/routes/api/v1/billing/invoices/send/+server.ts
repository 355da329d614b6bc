import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { staff } from '#lib/server/auth/staff.js';
import { sendInvoices } from '#lib/server/billing/invoice-mail.js';
import { db } from '#lib/server/db/index.js';
import { endpoint, readJson } from '#lib/server/http/api.js';

const sendInput = z.object({ ids: z.array(z.uuid('An invoice id is a UUID.')).min(1, 'Choose the invoices to send.').max(2_000, 'At most 2,000 invoices at once.') });

/** Mails invoices to their bill-to addresses with their PDFs, and marks them sent. */
export const POST = endpoint(async ({ locals, request }) => {
	const me = staff(locals, 'billing.manage');
	const { ids } = await readJson(request, sendInput);
	return json(await sendInvoices(db(), me, ids));
});
