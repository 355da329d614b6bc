import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { PORTAL_COOKIE, setSessionCookie } from '#lib/server/auth/cookies.js';
import { db } from '#lib/server/db/index.js';
import { endpoint, readJson } from '#lib/server/http/api.js';
import { acceptPortalInvitation, portalPasswordInput } from '#lib/server/portal/accounts.js';

const body = portalPasswordInput.extend({ token: z.string().min(1).max(100) });

export const POST = endpoint(async ({ request, cookies, url }) => {
	const { token, password } = await readJson(request, body);
	const session = await acceptPortalInvitation(db(), token, password);
	setSessionCookie(cookies, url, session.token, session.expiresAt, PORTAL_COOKIE);
	return json({ ok: true }, { status: 201 });
});
