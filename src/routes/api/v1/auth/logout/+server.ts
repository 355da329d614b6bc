import { json } from '@sveltejs/kit';
import { deleteSessionCookie } from '#lib/server/auth/cookies.js';
import { invalidateSession } from '#lib/server/auth/sessions.js';
import { db } from '#lib/server/db/index.js';
import { endpoint } from '#lib/server/http/api.js';

/** Ends the session (and its sync tokens); logging out twice is not an error. */
export const POST = endpoint(async ({ locals, cookies, url }) => {
	if (locals.identity) await invalidateSession(db(), locals.identity.sessionId);
	deleteSessionCookie(cookies, url);
	return json({ ok: true });
});
