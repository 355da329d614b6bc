import { json } from '@sveltejs/kit';
import { staff } from '#lib/server/auth/staff.js';
import { db } from '#lib/server/db/index.js';
import { endpoint } from '#lib/server/http/api.js';
import { listCapacities } from '#lib/server/people-time/capacity.js';

/** Everyone's minutes per weekday, Monday first (`isDefault`: 8 hours Monday to Friday, never set). */
export const GET = endpoint(async ({ locals }) => {
	const me = staff(locals, 'people.view');
	return json({ people: await listCapacities(db(), me) });
});
