import { describe, expect, it } from 'vitest';
import { todayIn } from './today.js';

describe('todayIn', () => {
	it('is the date where the tenant is, and UTC\'s for a zone the runtime does not know', () => {
		const now = new Date('2026-11-22T12:30:00Z');
		expect(todayIn('Pacific/Auckland', now)).toBe('2026-11-23');
		expect(todayIn('America/New_York', new Date('2026-03-01T03:00:00Z'))).toBe('2026-02-28');
		expect(todayIn('Not/AZone', now)).toBe('2026-11-22');
		expect(todayIn(undefined, now)).toBe('2026-11-22');
	});
});
