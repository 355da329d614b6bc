import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { staff } from '#lib/server/auth/staff.js';
import { db } from '#lib/server/db/index.js';
import { notFound } from '#lib/server/http/errors.js';
import { endpoint } from '#lib/server/http/api.js';
import { parseInput } from '#lib/server/http/validate.js';
import { projectExists, taskActuals } from '#lib/server/repositories/project-actuals.js';

const params = z.object({ id: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'a project id is letters, digits and dashes') });

/** Minutes logged per task of one project (estimates against actuals on the project page). */
export const GET = endpoint(async ({ locals, params: raw }) => {
	const me = staff(locals, 'app.use');
	const { id } = parseInput(params, raw);
	if (!(await projectExists(db(), me.tenantId, id))) throw notFound('No such project: it may not have reached the server yet.');
	return json({ projectId: id, tasks: await taskActuals(db(), me.tenantId, id) });
});
