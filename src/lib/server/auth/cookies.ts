import type { Cookies } from '@sveltejs/kit';

export const SESSION_COOKIE = 'stackdesk_session';
/** the customer portal's own cookie: a portal session is never mistaken for a staff one */
export const PORTAL_COOKIE = 'stackdesk_portal';

/** HttpOnly so scripts never see it; Lax so it rides top-level navigation only; Secure on https. */
export function setSessionCookie(cookies: Cookies, url: URL, token: string, expiresAt: Date, name = SESSION_COOKIE): void {
	cookies.set(name, token, {
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		expires: expiresAt,
		path: '/'
	});
}

export function deleteSessionCookie(cookies: Cookies, url: URL, name = SESSION_COOKIE): void {
	cookies.delete(name, { path: '/', secure: url.protocol === 'https:' });
}
