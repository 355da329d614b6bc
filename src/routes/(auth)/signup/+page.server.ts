import { redirect } from '@sveltejs/kit';
import { signupInput } from '#lib/server/accounts/schemas.js';
import { signUp } from '#lib/server/accounts/signup.js';
import { setSessionCookie } from '#lib/server/auth/cookies.js';
import { PASSWORD_MIN_LENGTH } from '#lib/server/auth/password.js';
import { db } from '#lib/server/db/index.js';
import { formAction } from '#lib/server/http/forms.js';
import { formObject, parseInput } from '#lib/server/http/validate.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.identity) redirect(303, '/');
	return { passwordMinLength: PASSWORD_MIN_LENGTH };
};

export const actions: Actions = {
	default: ({ request, cookies, url }) =>
		formAction(request, async (form) => {
			const input = parseInput(signupInput, formObject(form));
			const { session } = await signUp(db(), input);
			setSessionCookie(cookies, url, session.token, session.expiresAt);
			redirect(303, '/');
		})
};
