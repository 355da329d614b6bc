import { json } from '@sveltejs/kit';
import { staff } from '#lib/server/auth/staff.js';
import { db } from '#lib/server/db/index.js';
import { uuidParam } from '#lib/server/http/validate.js';
import { endpoint } from '#lib/server/http/api.js';
import { draftLines } from '#lib/server/repositories/billing-runs.js';

/** A draft's lines, of one customer (`?customer=`) or all. */
export const GET = endpoint(async ({ locals, params, url }) => {
	const me = staff(locals, 'billing.manage');
	return json({ lines: await draftLines(db(), me.tenantId, uuidParam(params.id, 'No such billing run.'), url.searchParams.get('customer') ?? undefined) });
});
