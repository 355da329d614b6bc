import { json } from '@sveltejs/kit';
import { staff } from '#lib/server/auth/staff.js';
import { db } from '#lib/server/db/index.js';
import { endpoint } from '#lib/server/http/api.js';
import { getTimeOff } from '#lib/server/people-time/time-off.js';
import type { RequestEvent } from './$types';

export const GET = endpoint(async ({ locals, params }: RequestEvent) => {
	const me = staff(locals, 'app.use');
	return json({ request: await getTimeOff(db(), me, params.id) });
});
