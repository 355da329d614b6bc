import { json } from '@sveltejs/kit';
import { changeRole, removeMember } from '#lib/server/accounts/people.js';
import { roleInput } from '#lib/server/accounts/schemas.js';
import { staff } from '#lib/server/auth/staff.js';
import { db } from '#lib/server/db/index.js';
import { endpoint, readJson } from '#lib/server/http/api.js';
import { notFound } from '#lib/server/http/errors.js';

const UUID = /^[0-9a-f-]{36}$/;

function userIdOf(params: { userId: string }) {
	if (!UUID.test(params.userId)) throw notFound('No such person in this company.');
	return params.userId;
}

export const PATCH = endpoint(async ({ locals, params, request }) => {
	const me = staff(locals, 'people.manage');
	const userId = userIdOf(params);
	const { role } = await readJson(request, roleInput);
	await changeRole(db(), me, userId, role);
	return json({ ok: true });
});

export const DELETE = endpoint(async ({ locals, params }) => {
	const me = staff(locals, 'people.manage');
	await removeMember(db(), me, userIdOf(params));
	return json({ ok: true });
});
