import { json } from '@sveltejs/kit';
import { staff } from '#lib/server/auth/staff.js';
import { postRun } from '#lib/server/billing/post-run.js';
import { db } from '#lib/server/db/index.js';
import { uuidParam } from '#lib/server/http/validate.js';
import { endpoint } from '#lib/server/http/api.js';

/** Approves and posts the run: numbered, immutable invoices, all or nothing. */
export const POST = endpoint(async ({ locals, params }) => {
	const me = staff(locals, 'billing.manage');
	return json(await postRun(db(), me, uuidParam(params.id, 'No such billing run.')));
});
