import { invite } from '#lib/server/accounts/invitations.js';
import { cancelInvitation, changeRole, listPeople, removeMember } from '#lib/server/accounts/people.js';
import { invitationInput, roleInput } from '#lib/server/accounts/schemas.js';
import { staff } from '#lib/server/auth/staff.js';
import { db } from '#lib/server/db/index.js';
import { formAction } from '#lib/server/http/forms.js';
import { formObject, parseInput, uuidParam } from '#lib/server/http/validate.js';
import type { Actions, PageServerLoad } from './$types';

const idField = (form: FormData, key: string, what: string) => uuidParam(form.get(key), `No such ${what}.`);

export const load: PageServerLoad = async ({ locals }) => {
	const me = staff(locals, 'people.view');
	const { members, invitations } = await listPeople(db(), me.tenantId);
	return {
		members,
		invitations: invitations.map(({ id, email, role, createdAt, expiresAt, invitedByName }) => ({
			id,
			email,
			role,
			createdAt,
			expiresAt,
			invitedByName
		}))
	};
};

export const actions: Actions = {
	invite: ({ request, locals }) =>
		formAction(request, async (form) => {
			const me = staff(locals, 'people.invite');
			const input = parseInput(invitationInput, formObject(form));
			const { email, role, acceptUrl, expiresAt } = await invite(db(), me, input);
			return { invited: { email, role, acceptUrl, expiresAt } };
		}),
	role: ({ request, locals }) =>
		formAction(request, async (form) => {
			const me = staff(locals, 'people.manage');
			const userId = idField(form, 'userId', 'person in this company');
			const { role } = parseInput(roleInput, formObject(form));
			await changeRole(db(), me, userId, role);
			return { done: 'Role saved.' };
		}),
	remove: ({ request, locals }) =>
		formAction(request, async (form) => {
			const me = staff(locals, 'people.manage');
			await removeMember(db(), me, idField(form, 'userId', 'person in this company'));
			return { done: 'Removed from the company.' };
		}),
	revoke: ({ request, locals }) =>
		formAction(request, async (form) => {
			const me = staff(locals, 'people.manage');
			await cancelInvitation(db(), me, idField(form, 'invitationId', 'open invitation'));
			return { done: 'Invitation revoked.' };
		})
};
