import { json } from '@sveltejs/kit';
import { staff } from '#lib/server/auth/staff.js';
import { runInput, startRun } from '#lib/server/billing/runs.js';
import { tenantToday } from '#lib/server/billing/today.js';
import { db } from '#lib/server/db/index.js';
import { endpoint, readJson } from '#lib/server/http/api.js';
import { listRuns } from '#lib/server/repositories/billing-runs.js';

export const GET = endpoint(async ({ locals }) => {
	const me = staff(locals, 'billing.manage');
	return json({ runs: await listRuns(db(), me.tenantId) });
});

/** Starts a run for a period and drafts it at once. */
export const POST = endpoint(async ({ locals, request }) => {
	const me = staff(locals, 'billing.manage');
	const input = await readJson(request, runInput);
	return json(await startRun(db(), me, input, tenantToday(me)), { status: 201 });
});
