import { json } from '@sveltejs/kit';
import { listPeople } from '#lib/server/accounts/people.js';
import { staff } from '#lib/server/auth/staff.js';
import { db } from '#lib/server/db/index.js';
import { endpoint } from '#lib/server/http/api.js';

export const GET = endpoint(async ({ locals }) => {
	const me = staff(locals, 'people.view');
	const { members } = await listPeople(db(), me.tenantId);
	return json({ people: members });
});
