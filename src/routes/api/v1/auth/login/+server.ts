import { json } from '@sveltejs/kit';
import { logIn } from '#lib/server/accounts/login.js';
import { loginInput } from '#lib/server/accounts/schemas.js';
import { setSessionCookie } from '#lib/server/auth/cookies.js';
import { db } from '#lib/server/db/index.js';
import { endpoint, readJson } from '#lib/server/http/api.js';

export const POST = endpoint(async ({ request, cookies, url, getClientAddress }) => {
	const input = await readJson(request, loginInput);
	const { user, tenantId, session } = await logIn(db(), input, getClientAddress());
	setSessionCookie(cookies, url, session.token, session.expiresAt);
	return json({ user: { id: user.id, email: user.email, name: user.name }, tenantId });
});
