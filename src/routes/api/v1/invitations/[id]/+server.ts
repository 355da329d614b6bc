import { json } from '@sveltejs/kit';
import { cancelInvitation } from '#lib/server/accounts/people.js';
import { staff } from '#lib/server/auth/staff.js';
import { db } from '#lib/server/db/index.js';
import { endpoint } from '#lib/server/http/api.js';
import { notFound } from '#lib/server/http/errors.js';

const UUID = /^[0-9a-f-]{36}$/;

export const DELETE = endpoint(async ({ locals, params }) => {
	const me = staff(locals, 'people.manage');
	if (!UUID.test(params.id)) throw notFound('No such open invitation.');
	await cancelInvitation(db(), me, params.id);
	return json({ ok: true });
});
