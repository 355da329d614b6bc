import { json } from '@sveltejs/kit';
import { staff } from '#lib/server/auth/staff.js';
import { db } from '#lib/server/db/index.js';
import { endpoint } from '#lib/server/http/api.js';
import { listProjectChoices } from '#lib/server/repositories/project-list.js';

/** `GET /api/v1/projects` (`?templates=1`: the templates): what project pickers offer. */
export const GET = endpoint(async ({ locals, url }) => {
	const me = staff(locals, 'app.use');
	const only = url.searchParams.get('templates') === '1' ? 'templates' : 'projects';
	return json({ projects: await listProjectChoices(db(), me.tenantId, only) });
});
