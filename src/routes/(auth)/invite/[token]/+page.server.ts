import { redirect } from '@sveltejs/kit';
import { acceptInvitation, openInvitation } from '#lib/server/accounts/invitations.js';
import { acceptInput } from '#lib/server/accounts/schemas.js';
import { setSessionCookie } from '#lib/server/auth/cookies.js';
import { PASSWORD_MIN_LENGTH } from '#lib/server/auth/password.js';
import { db } from '#lib/server/db/index.js';
import { AppError } from '#lib/server/http/errors.js';
import { formAction } from '#lib/server/http/forms.js';
import { formObject, parseInput } from '#lib/server/http/validate.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	try {
		const invitation = await openInvitation(db(), params.token);
		return {
			invitation: {
				email: invitation.email,
				role: invitation.role,
				tenantName: invitation.tenantName,
				invitedByName: invitation.invitedByName,
				expiresAt: invitation.expiresAt,
				hasAccount: invitation.hasAccount
			},
			passwordMinLength: PASSWORD_MIN_LENGTH
		};
	} catch (error) {
		if (error instanceof AppError && error.status === 404) {
			return { invitation: null, problem: error.message, passwordMinLength: PASSWORD_MIN_LENGTH };
		}
		throw error;
	}
};

export const actions: Actions = {
	default: ({ request, cookies, url, params }) =>
		formAction(request, async (form) => {
			const { hasAccount } = await openInvitation(db(), params.token);
			const fields = formObject(form);
			// someone with an account only confirms their password; their name is already known
			const input = parseInput(acceptInput, hasAccount ? { ...fields, name: 'existing' } : fields);
			const { session } = await acceptInvitation(db(), params.token, input);
			setSessionCookie(cookies, url, session.token, session.expiresAt);
			redirect(303, '/');
		})
};
