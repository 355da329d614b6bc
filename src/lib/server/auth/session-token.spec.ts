import { describe, expect, it } from 'vitest';
import { generateToken, hashToken, judgeSession, SESSION_POLICY, syncExpiry, webExpiry } from './session-token.js';

const DAY = 24 * 60 * 60 * 1000;

describe('session tokens', () => {
	it('are 160 random bits in lowercase base32, never repeating', () => {
		const tokens = new Set(Array.from({ length: 1000 }, generateToken));
		expect(tokens.size).toBe(1000);
		for (const token of tokens) expect(token).toMatch(/^[a-z2-7]{32}$/);
	});

	it('are stored as their SHA-256 only', () => {
		const token = generateToken();
		const hash = hashToken(token);
		expect(hash).toMatch(/^[0-9a-f]{64}$/);
		expect(hash).toBe(hashToken(token));
		expect(hash).not.toContain(token);
		expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
	});
});

describe('session life', () => {
	const now = new Date('2026-11-22T12:00:00Z');

	it('lasts 30 days', () => {
		expect(webExpiry(now).getTime() - now.getTime()).toBe(30 * DAY);
		expect(SESSION_POLICY.webLifetimeMs).toBe(30 * DAY);
	});

	it('is valid in its first half, renews (slides) in its second, and expires at its end', () => {
		const expires = webExpiry(now);
		expect(judgeSession(expires, new Date(now.getTime() + 1 * DAY))).toBe('valid');
		expect(judgeSession(expires, new Date(now.getTime() + 15 * DAY + 1))).toBe('renew');
		expect(judgeSession(expires, new Date(now.getTime() + 30 * DAY - 1))).toBe('renew');
		expect(judgeSession(expires, new Date(now.getTime() + 30 * DAY))).toBe('expired');
	});

	it('slides: a renewed session again has 30 days from its use', () => {
		const used = new Date(now.getTime() + 20 * DAY);
		expect(judgeSession(webExpiry(now), used)).toBe('renew');
		expect(webExpiry(used).getTime() - used.getTime()).toBe(30 * DAY);
		expect(judgeSession(webExpiry(used), new Date(used.getTime() + 14 * DAY))).toBe('valid');
	});

	it('gives sync tokens the short life asked for', () => {
		expect(syncExpiry(600_000, now).getTime() - now.getTime()).toBe(600_000);
	});
});
