import { json } from '@sveltejs/kit';
import { staff } from '#lib/server/auth/staff.js';
import { db } from '#lib/server/db/index.js';
import { endpoint } from '#lib/server/http/api.js';
import { projectActuals } from '#lib/server/repositories/project-actuals.js';

/** Minutes logged per project of the tenant (the portfolio's budget burn). */
export const GET = endpoint(async ({ locals }) => {
	const me = staff(locals, 'app.use');
	return json({ projects: await projectActuals(db(), me.tenantId) });
});
