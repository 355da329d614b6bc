import { json } from '@sveltejs/kit';
import { changeRole, removeMember } from '#lib/server/accounts/people.js';
import { roleInput } from '#lib/server/accounts/schemas.js';
import { staff } from '#lib/server/auth/staff.js';
import { db } from '#lib/server/db/index.js';
import { endpoint, readJson } from '#lib/server/http/api.js';
import { uuidParam } from '#lib/server/http/validate.js';
import type { RequestEvent } from './$types';

const NO_SUCH_PERSON = 'No such person in this company.';

export const PATCH = endpoint(async ({ locals, params, request }: RequestEvent) => {
	const me = staff(locals, 'people.manage');
	const userId = uuidParam(params.userId, NO_SUCH_PERSON);
	const { role } = await readJson(request, roleInput);
	await changeRole(db(), me, userId, role);
	return json({ ok: true });
});

export const DELETE = endpoint(async ({ locals, params }: RequestEvent) => {
	const me = staff(locals, 'people.manage');
	await removeMember(db(), me, uuidParam(params.userId, NO_SUCH_PERSON));
	return json({ ok: true });
});
