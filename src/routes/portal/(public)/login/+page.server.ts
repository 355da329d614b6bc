import { redirect } from '@sveltejs/kit';
import { loginInput } from '#lib/server/accounts/schemas.js';
import { PORTAL_COOKIE, setSessionCookie } from '#lib/server/auth/cookies.js';
import { db } from '#lib/server/db/index.js';
import { formAction } from '#lib/server/http/forms.js';
import { formObject, parseInput } from '#lib/server/http/validate.js';
import { portalLogIn } from '#lib/server/portal/accounts.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.portal) redirect(303, '/portal');
};

export const actions: Actions = {
	default: ({ request, cookies, url, getClientAddress }) =>
		formAction(request, async (form) => {
			const { email, password } = parseInput(loginInput, formObject(form));
			const session = await portalLogIn(db(), email, password, getClientAddress());
			setSessionCookie(cookies, url, session.token, session.expiresAt, PORTAL_COOKIE);
			redirect(303, '/portal');
		})
};
