import { json } from '@sveltejs/kit';
import { cancelInvitation } from '#lib/server/accounts/people.js';
import { staff } from '#lib/server/auth/staff.js';
import { db } from '#lib/server/db/index.js';
import { endpoint } from '#lib/server/http/api.js';
import { uuidParam } from '#lib/server/http/validate.js';
import type { RequestEvent } from './$types';

export const DELETE = endpoint(async ({ locals, params }: RequestEvent) => {
	const me = staff(locals, 'people.manage');
	await cancelInvitation(db(), me, uuidParam(params.id, 'No such open invitation.'));
	return json({ ok: true });
});
