import { redirect } from '@sveltejs/kit';
import { deleteSessionCookie } from '#lib/server/auth/cookies.js';
import { invalidateSession } from '#lib/server/auth/sessions.js';
import { db } from '#lib/server/db/index.js';
import type { Actions, PageServerLoad } from './$types';

// there is nothing to see at /logout: logging out is a POST from the shell's button
export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ locals, cookies, url }) => {
		if (locals.identity) await invalidateSession(db(), locals.identity.sessionId);
		deleteSessionCookie(cookies, url);
		redirect(303, '/login');
	}
};
