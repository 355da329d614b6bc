import { json } from '@sveltejs/kit';
import { staff } from '#lib/server/auth/staff.js';
import { db } from '#lib/server/db/index.js';
import { endpoint } from '#lib/server/http/api.js';
import { listMaterializerErrors } from '#lib/server/repositories/projections.js';

/** Records the materializer quarantined, with the reason (the "Sync problems" page reads the same). */
export const GET = endpoint(async ({ locals }) => {
	const me = staff(locals, 'sync.problems');
	return json({ problems: await listMaterializerErrors(db(), me.tenantId) });
});
