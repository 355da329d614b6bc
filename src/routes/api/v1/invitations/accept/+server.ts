import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { acceptInvitation } from '#lib/server/accounts/invitations.js';
import { acceptInput } from '#lib/server/accounts/schemas.js';
import { setSessionCookie } from '#lib/server/auth/cookies.js';
import { db } from '#lib/server/db/index.js';
import { endpoint, readJson } from '#lib/server/http/api.js';

const body = acceptInput.extend({ token: z.string().min(1, 'The invitation token is missing.').max(100) });

export const POST = endpoint(async ({ request, cookies, url }) => {
	const { token, ...input } = await readJson(request, body);
	const { user, tenantId, role, session } = await acceptInvitation(db(), token, input);
	setSessionCookie(cookies, url, session.token, session.expiresAt);
	return json({ user: { id: user.id, email: user.email, name: user.name }, tenantId, role }, { status: 201 });
});
