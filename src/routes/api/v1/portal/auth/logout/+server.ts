import { json } from '@sveltejs/kit';
import { deleteSessionCookie, PORTAL_COOKIE } from '#lib/server/auth/cookies.js';
import { db } from '#lib/server/db/index.js';
import { endpoint } from '#lib/server/http/api.js';
import { portalLogOut } from '#lib/server/portal/accounts.js';

export const POST = endpoint(async ({ locals, cookies, url }) => {
	if (locals.portal) await portalLogOut(db(), locals.portal.sessionId);
	deleteSessionCookie(cookies, url, PORTAL_COOKIE);
	return json({ ok: true });
});
