import type { Handle, HandleServerError } from '@sveltejs/kit/hooks';
import { db } from '#lib/server/db/index.js';
import type { RequestEvent } from '@sveltejs/kit';
import { deleteSessionCookie, PORTAL_COOKIE, SESSION_COOKIE, setSessionCookie } from '#lib/server/auth/cookies.js';
import { webExpiry } from '#lib/server/auth/session-token.js';
import { validatePortalToken } from '#lib/server/portal/accounts.js';
import { validateWebToken } from '#lib/server/auth/sessions.js';
import { jsonApiErrors } from '#lib/server/http/api.js';
import { AppError } from '#lib/server/http/errors.js';

/** Resolves the session cookie into `locals` for every request, sliding it when due. */
export const handle: Handle = async ({ event, resolve }) => {
	event.locals.identity = null;
	event.locals.user = null;
	event.locals.tenant = null;
	event.locals.role = null;
	event.locals.portal = null;
	await resolvePortal(event);
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
	const resolved = await resolve(event);
	const response = event.url.pathname.startsWith('/api/') ? await jsonApiErrors(resolved) : resolved;
	response.headers.set('x-content-type-options', 'nosniff');
	response.headers.set('referrer-policy', 'same-origin');
	return response;
};

async function resolvePortal(event: RequestEvent) {
	const token = event.cookies.get(PORTAL_COOKIE);
	if (!token) return;
	const result = await validatePortalToken(db(), token);
	if (!result) return deleteSessionCookie(event.cookies, event.url, PORTAL_COOKIE);
	if (result.renewed) setSessionCookie(event.cookies, event.url, token, webExpiry(), PORTAL_COOKIE);
	event.locals.portal = result.identity;
}

/**
 * An AppError thrown in a load or action (say a 403 from `staff()`) keeps its status and
 * message; anything unexpected is logged with an id and the client only ever sees the id.
 */
export const handleError: HandleServerError = ({ kind, error }) => {
	if (kind !== 'unknown') return;
	if (error instanceof AppError) return { status: error.status, message: error.message, code: error.code };
	const id = crypto.randomUUID();
	console.error(`error ${id}:`, error);
	return { status: 500, message: 'Something went wrong on our side.', code: 'internal', id };
};
