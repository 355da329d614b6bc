import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { TIME_OFF_STATUSES, timeOffInput } from '#lib/domain/people/time-off.js';
import { staff } from '#lib/server/auth/staff.js';
import { db } from '#lib/server/db/index.js';
import { endpoint, readJson } from '#lib/server/http/api.js';
import { parseInput } from '#lib/server/http/validate.js';
import { listTimeOff, requestTimeOff } from '#lib/server/people-time/time-off.js';

const filter = z.object({
	userId: z.uuid('No such person in this company.').optional(),
	status: z.enum(TIME_OFF_STATUSES, { error: `Status is one of: ${TIME_OFF_STATUSES.join(', ')}.` }).optional()
});

/** Time-off requests: the caller's own, or for approvers everyone's (`?userId=`, `?status=`). */
export const GET = endpoint(async ({ locals, url }) => {
	const me = staff(locals, 'app.use');
	const query = parseInput(filter, Object.fromEntries(url.searchParams));
	return json({ requests: await listTimeOff(db(), me, query) });
});

export const POST = endpoint(async ({ locals, request }) => {
	const me = staff(locals, 'app.use');
	const input = await readJson(request, timeOffInput);
	return json({ request: await requestTimeOff(db(), me, input) }, { status: 201 });
});
