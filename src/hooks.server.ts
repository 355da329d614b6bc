import type { Handle, HandleServerError } from '@sveltejs/kit';
import { db } from '#lib/server/db/index.js';
import { deleteSessionCookie, SESSION_COOKIE, setSessionCookie } from '#lib/server/auth/cookies.js';
import { validateWebToken } from '#lib/server/auth/sessions.js';

/** Resolves the session cookie into `locals` for every request, sliding it when due. */
export const handle: Handle = async ({ event, resolve }) => {
	event.locals.identity = null;
	event.locals.user = null;
	event.locals.tenant = null;
	event.locals.role = null;
	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		const result = await validateWebToken(db(), token);
		if (!result) {
			deleteSessionCookie(event.cookies, event.url);
		} else {
			const { identity, renewed } = result;
			if (renewed) setSessionCookie(event.cookies, event.url, token, identity.expiresAt);
			event.locals.identity = identity;
			event.locals.user = { id: identity.userId, email: identity.email, name: identity.name };
			event.locals.tenant = { id: identity.tenantId, name: identity.tenantName };
			event.locals.role = identity.role;
		}
	}
	const response = await resolve(event);
	response.headers.set('x-content-type-options', 'nosniff');
	response.headers.set('referrer-policy', 'same-origin');
	return response;
};

/** Unexpected errors are logged with an id; the client only ever sees the id. */
export const handleError: HandleServerError = ({ error, status }) => {
	const id = crypto.randomUUID();
	if (status !== 404) console.error(`error ${id}:`, error);
	return {
		message: status === 404 ? 'Not found.' : 'Something went wrong on our side.',
		code: status === 404 ? 'not_found' : 'internal',
		id
	};
};
