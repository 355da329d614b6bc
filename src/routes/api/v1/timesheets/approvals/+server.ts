import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { staff } from '#lib/server/auth/staff.js';
import { db } from '#lib/server/db/index.js';
import { endpoint, readJson } from '#lib/server/http/api.js';
import { parseInput } from '#lib/server/http/validate.js';
import { listApprovals } from '#lib/server/repositories/week-approval-lists.js';
import { decideWeeks, decisionInput } from '#lib/server/timesheets/week-decisions.js';

const query = z.object({ view: z.enum(['waiting', 'approved', 'rejected']).default('waiting') });

/** Weeks waiting for a decision (submitted, or changed after approval), approved, or rejected. */
export const GET = endpoint(async ({ locals, url }) => {
	const me = staff(locals, 'timesheets.review');
	const { view } = parseInput(query, Object.fromEntries(url.searchParams));
	return json({ weeks: await listApprovals(db(), me.tenantId, view) });
});

/** Approves or rejects weeks, all or none. */
export const POST = endpoint(async ({ locals, request }) => {
	const me = staff(locals, 'timesheets.approve');
	const input = await readJson(request, decisionInput);
	return json(await decideWeeks(db(), me, input));
});
