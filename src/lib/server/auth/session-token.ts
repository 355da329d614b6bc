import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';

const DAY = 24 * 60 * 60 * 1000;

/** Lifetimes of the two kinds of session (Lucia's session guide, extended with sync tokens). */
export const SESSION_POLICY = {
	/** a browser session lasts 30 days from its last use … */
	webLifetimeMs: 30 * DAY,
	/** … and is extended once less than half of that is left, so an active user never logs in again */
	webRenewBeforeMs: 15 * DAY
};

/** 20 random bytes (160 bits of entropy), base32: the value that goes into the cookie. */
export function generateToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

/** What the database stores instead of the token, so a leaked table opens no session. */
export function hashToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export type SessionVerdict = 'valid' | 'renew' | 'expired';

/** Whether a web session at `now` is still good, and whether its expiry should slide forward. */
export function judgeSession(expiresAt: Date, now: Date = new Date()): SessionVerdict {
	const left = expiresAt.getTime() - now.getTime();
	if (left <= 0) return 'expired';
	return left < SESSION_POLICY.webRenewBeforeMs ? 'renew' : 'valid';
}

export function webExpiry(now: Date = new Date()): Date {
	return new Date(now.getTime() + SESSION_POLICY.webLifetimeMs);
}

/** A websocket token only has to survive the handshake and the reconnects soon after it. */
export function syncExpiry(lifetimeMs: number, now: Date = new Date()): Date {
	return new Date(now.getTime() + lifetimeMs);
}
