import { json } from '@sveltejs/kit';
import { staff } from '#lib/server/auth/staff.js';
import { db } from '#lib/server/db/index.js';
import { endpoint } from '#lib/server/http/api.js';
import { uuidParam } from '#lib/server/http/validate.js';
import { importStatus } from '#lib/server/imports/service.js';
import type { RequestEvent } from './$types';

/** An import's progress: rows done of total, created, skipped, and every row's problem. */
export const GET = endpoint(async ({ locals, params }: RequestEvent) => {
	const me = staff(locals, 'customers.import');
	return json({ batch: await importStatus(db(), me, uuidParam(params.id, 'No such import.')) });
});
