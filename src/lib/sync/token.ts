/**
 * Tokens for the websocket (POST /api/v1/sync/token). Each document provider
 * asks for one whenever the socket (re)opens; one token serves them all until
 * shortly before it expires, so a reconnect of twenty documents is one request.
 */

/** The session behind the cookie has ended: the person must log in again. */
export class SignedOutError extends Error {
	constructor() {
		super('unauthenticated');
	}
}

const MARGIN_MS = 60_000;

let cached: { token: string; expiresAt: number } | null = null;
let inflight: Promise<string> | null = null;

async function fetchToken(): Promise<string> {
	const response = await fetch('/api/v1/sync/token', { method: 'POST', credentials: 'same-origin' });
	if (response.status === 401) throw new SignedOutError();
	if (!response.ok) throw new Error(`sync token: HTTP ${response.status}`);
	const body = (await response.json()) as { token: string; expiresAt: string };
	cached = { token: body.token, expiresAt: Date.parse(body.expiresAt) };
	return body.token;
}

export function syncToken(): Promise<string> {
	if (cached && cached.expiresAt - Date.now() > MARGIN_MS) return Promise.resolve(cached.token);
	inflight ??= fetchToken().finally(() => (inflight = null));
	return inflight;
}

/** Forgets the token (on logout, or when the server refused it). */
export function forgetToken(): void {
	cached = null;
}
