import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit.js';

describe('RateLimiter', () => {
	it('allows `limit` hits per window, then says how long to wait', () => {
		let now = 0;
		const limiter = new RateLimiter(3, 60_000, () => now);
		expect([1, 2, 3].map(() => limiter.hit('a'))).toEqual([0, 0, 0]);
		expect(limiter.hit('a')).toBe(60);
		now = 30_000;
		expect(limiter.hit('a')).toBe(30);
		expect(limiter.hit('b')).toBe(0);
		now = 60_000;
		expect(limiter.hit('a')).toBe(0);
	});

	it('forgets a key on reset (a successful login)', () => {
		const limiter = new RateLimiter(1, 60_000, () => 0);
		limiter.hit('a');
		expect(limiter.hit('a')).toBeGreaterThan(0);
		limiter.reset('a');
		expect(limiter.hit('a')).toBe(0);
	});
});
