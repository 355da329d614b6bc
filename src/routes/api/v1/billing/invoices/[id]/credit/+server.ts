import { json } from '@sveltejs/kit';
import { staff } from '#lib/server/auth/staff.js';
import { creditInput, issueCreditNote } from '#lib/server/billing/invoice-actions.js';
import { tenantToday } from '#lib/server/billing/today.js';
import { db } from '#lib/server/db/index.js';
import { endpoint, readJson } from '#lib/server/http/api.js';
import { uuidParam } from '#lib/server/http/validate.js';

/** Issues a credit note for all (`"lines": "all"`) or part of a posted invoice. */
export const POST = endpoint(async ({ locals, params, request }) => {
	const me = staff(locals, 'billing.manage');
	const input = await readJson(request, creditInput.omit({ issuedOn: true }));
	return json(await issueCreditNote(db(), me, uuidParam(params.id, 'No such invoice.'), { ...input, issuedOn: tenantToday(me) }), { status: 201 });
});
