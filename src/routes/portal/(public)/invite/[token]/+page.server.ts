import { redirect } from '@sveltejs/kit';
import { PORTAL_COOKIE, setSessionCookie } from '#lib/server/auth/cookies.js';
import { db } from '#lib/server/db/index.js';
import { AppError } from '#lib/server/http/errors.js';
import { formAction } from '#lib/server/http/forms.js';
import { formObject, parseInput } from '#lib/server/http/validate.js';
import { acceptPortalInvitation, openPortalInvitation, portalPasswordInput } from '#lib/server/portal/accounts.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	try {
		const invitation = await openPortalInvitation(db(), params.token);
		return { invitation: { name: invitation.name, email: invitation.email, companyName: invitation.companyName } };
	} catch (error) {
		if (error instanceof AppError && error.status === 404) return { invitation: null, problem: error.message };
		throw error;
	}
};

export const actions: Actions = {
	default: ({ request, cookies, url, params }) =>
		formAction(request, async (form) => {
			const { password } = parseInput(portalPasswordInput, formObject(form));
			const session = await acceptPortalInvitation(db(), params.token, password);
			setSessionCookie(cookies, url, session.token, session.expiresAt, PORTAL_COOKIE);
			redirect(303, '/portal');
		})
};
