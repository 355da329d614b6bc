import { json } from '@sveltejs/kit';
import { staff } from '#lib/server/auth/staff.js';
import { db } from '#lib/server/db/index.js';
import { endpoint } from '#lib/server/http/api.js';
import { uuidParam } from '#lib/server/http/validate.js';
import { undoImport } from '#lib/server/imports/service.js';
import type { RequestEvent } from './$types';

/** Undoes a finished import: what it created is soft-deleted (and can be restored one by one). */
export const POST = endpoint(async ({ locals, params }: RequestEvent) => {
	const me = staff(locals, 'customers.import');
	return json({ batch: await undoImport(db(), me, uuidParam(params.id, 'No such import.')) });
});
