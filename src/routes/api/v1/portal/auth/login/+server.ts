import { json } from '@sveltejs/kit';
import { loginInput } from '#lib/server/accounts/schemas.js';
import { PORTAL_COOKIE, setSessionCookie } from '#lib/server/auth/cookies.js';
import { db } from '#lib/server/db/index.js';
import { endpoint, readJson } from '#lib/server/http/api.js';
import { portalLogIn } from '#lib/server/portal/accounts.js';

export const POST = endpoint(async ({ request, cookies, url, getClientAddress }) => {
	const { email, password } = await readJson(request, loginInput);
	const session = await portalLogIn(db(), email, password, getClientAddress());
	setSessionCookie(cookies, url, session.token, session.expiresAt, PORTAL_COOKIE);
	return json({ ok: true });
});
