import { json } from '@sveltejs/kit';
import { staff } from '#lib/server/auth/staff.js';
import { paymentInput, recordPayment } from '#lib/server/billing/invoice-actions.js';
import { db } from '#lib/server/db/index.js';
import { endpoint, readJson } from '#lib/server/http/api.js';
import { uuidParam } from '#lib/server/http/validate.js';

export const POST = endpoint(async ({ locals, params, request }) => {
	const me = staff(locals, 'billing.manage');
	await recordPayment(db(), me, uuidParam(params.id, 'No such invoice.'), await readJson(request, paymentInput));
	return json({ ok: true }, { status: 201 });
});
