import { json } from '@sveltejs/kit';
import { invitePortalContact, portalInvitationInput } from '#lib/server/portal/accounts.js';
import { staff } from '#lib/server/auth/staff.js';
import { db } from '#lib/server/db/index.js';
import { endpoint, readJson } from '#lib/server/http/api.js';

/** Invites a customer contact (portal access "view") to the customer portal. */
export const POST = endpoint(async ({ locals, request }) => {
	const me = staff(locals, 'portal.invite');
	const input = await readJson(request, portalInvitationInput);
	return json({ invitation: await invitePortalContact(db(), me, input) }, { status: 201 });
});
