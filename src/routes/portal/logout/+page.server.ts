import { redirect } from '@sveltejs/kit';
import { deleteSessionCookie, PORTAL_COOKIE } from '#lib/server/auth/cookies.js';
import { db } from '#lib/server/db/index.js';
import { portalLogOut } from '#lib/server/portal/accounts.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/portal');

export const actions: Actions = {
	default: async ({ locals, cookies, url }) => {
		if (locals.portal) await portalLogOut(db(), locals.portal.sessionId);
		deleteSessionCookie(cookies, url, PORTAL_COOKIE);
		redirect(303, '/portal/login');
	}
};
