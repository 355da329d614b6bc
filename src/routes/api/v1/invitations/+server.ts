import { json } from '@sveltejs/kit';
import { invite } from '#lib/server/accounts/invitations.js';
import { listPeople } from '#lib/server/accounts/people.js';
import { invitationInput } from '#lib/server/accounts/schemas.js';
import { staff } from '#lib/server/auth/staff.js';
import { db } from '#lib/server/db/index.js';
import { endpoint, readJson } from '#lib/server/http/api.js';

export const GET = endpoint(async ({ locals }) => {
	const me = staff(locals, 'people.view');
	const { invitations } = await listPeople(db(), me.tenantId);
	return json({
		invitations: invitations.map(({ id, email, role, expiresAt, invitedByName }) => ({ id, email, role, expiresAt, invitedByName }))
	});
});

export const POST = endpoint(async ({ locals, request }) => {
	const me = staff(locals, 'people.invite');
	const input = await readJson(request, invitationInput);
	return json({ invitation: await invite(db(), me, input) }, { status: 201 });
});
