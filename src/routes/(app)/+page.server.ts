import { listPeople } from '#lib/server/accounts/people.js';
import { db } from '#lib/server/db/index.js';
import { staff } from '#lib/server/auth/staff.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const me = staff(locals, 'people.view');
	const { members, invitations } = await listPeople(db(), me.tenantId);
	return { memberCount: members.length, openInvitations: invitations.length };
};
