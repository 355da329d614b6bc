import { staff } from '#lib/server/auth/staff.js';
import { db } from '#lib/server/db/index.js';
import { listMaterializerErrors } from '#lib/server/repositories/projections.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const me = staff(locals, 'sync.problems');
	return { problems: await listMaterializerErrors(db(), me.tenantId) };
};
