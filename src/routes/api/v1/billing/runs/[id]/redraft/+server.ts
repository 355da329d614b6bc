import { json } from '@sveltejs/kit';
import { staff } from '#lib/server/auth/staff.js';
import { redraft } from '#lib/server/billing/runs.js';
import { db } from '#lib/server/db/index.js';
import { uuidParam } from '#lib/server/http/validate.js';
import { endpoint } from '#lib/server/http/api.js';

/** Drafts the run again from what is approved and unbilled now, keeping adjustments. */
export const POST = endpoint(async ({ locals, params }) => {
	const me = staff(locals, 'billing.manage');
	return json(await redraft(db(), me.tenantId, uuidParam(params.id, 'No such billing run.')));
});
