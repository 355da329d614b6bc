import { json } from '@sveltejs/kit';
import { capacityInput } from '#lib/domain/people/time-off.js';
import { staff } from '#lib/server/auth/staff.js';
import { db } from '#lib/server/db/index.js';
import { endpoint, readJson } from '#lib/server/http/api.js';
import { uuidParam } from '#lib/server/http/validate.js';
import { NO_SUCH_PERSON, setCapacity } from '#lib/server/people-time/capacity.js';
import type { RequestEvent } from './$types';

/** Sets a person's week: `{minutes:[mon, tue, wed, thu, fri, sat, sun]}`. */
export const PUT = endpoint(async ({ locals, params, request }: RequestEvent) => {
	const me = staff(locals, 'capacity.manage');
	const userId = uuidParam(params.userId, NO_SUCH_PERSON);
	const { minutes } = await readJson(request, capacityInput);
	return json({ userId, minutes: await setCapacity(db(), me, userId, minutes) });
});
