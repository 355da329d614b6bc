import { redirect } from '@sveltejs/kit';
import { logIn } from '#lib/server/accounts/login.js';
import { loginInput } from '#lib/server/accounts/schemas.js';
import { setSessionCookie } from '#lib/server/auth/cookies.js';
import { db } from '#lib/server/db/index.js';
import { formAction } from '#lib/server/http/forms.js';
import { formObject, parseInput } from '#lib/server/http/validate.js';
import { safeNext } from '#lib/domain/auth/next.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.identity) redirect(303, '/');
};

export const actions: Actions = {
	default: ({ request, cookies, url, getClientAddress }) =>
		formAction(request, async (form) => {
			const input = parseInput(loginInput, formObject(form));
			const { session } = await logIn(db(), input, getClientAddress());
			setSessionCookie(cookies, url, session.token, session.expiresAt);
			redirect(303, safeNext(url.searchParams.get('next'), url.origin));
		})
};
