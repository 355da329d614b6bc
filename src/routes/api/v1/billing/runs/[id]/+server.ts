import { json } from '@sveltejs/kit';
import { staff } from '#lib/server/auth/staff.js';
import { runView } from '#lib/server/billing/run-view.js';
import { discardRun } from '#lib/server/billing/runs.js';
import { tenantToday } from '#lib/server/billing/today.js';
import { db } from '#lib/server/db/index.js';
import { uuidParam } from '#lib/server/http/validate.js';
import { endpoint } from '#lib/server/http/api.js';

/** The run with its pre-bill per customer (a draft) or its invoices (posted). */
export const GET = endpoint(async ({ locals, params }) => {
	const me = staff(locals, 'billing.manage');
	return json(await runView(db(), me.tenantId, uuidParam(params.id, 'No such billing run.'), tenantToday(me)));
});

/** Discards a draft run (a posted one stays: its invoices are numbered). */
export const DELETE = endpoint(async ({ locals, params }) => {
	const me = staff(locals, 'billing.manage');
	await discardRun(db(), me, uuidParam(params.id, 'No such billing run.'));
	return new Response(null, { status: 204 });
});
