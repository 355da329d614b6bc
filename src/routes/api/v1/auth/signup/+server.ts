import { json } from '@sveltejs/kit';
import { signUp } from '#lib/server/accounts/signup.js';
import { signupInput } from '#lib/server/accounts/schemas.js';
import { setSessionCookie } from '#lib/server/auth/cookies.js';
import { db } from '#lib/server/db/index.js';
import { endpoint, readJson } from '#lib/server/http/api.js';

export const POST = endpoint(async ({ request, cookies, url }) => {
	const input = await readJson(request, signupInput);
	const { tenant, user, session } = await signUp(db(), input);
	setSessionCookie(cookies, url, session.token, session.expiresAt);
	return json(
		{ user: { id: user.id, email: user.email, name: user.name }, tenant: { id: tenant.id, name: tenant.name }, role: 'owner' },
		{ status: 201 }
	);
});
