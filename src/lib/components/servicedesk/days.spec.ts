import { describe, expect, it } from 'vitest';
import { dayLabel, longDayLabel, weekLabel } from './days.js';

describe('days on the boards', () => {
	it('read as the calendar date, whatever the browser’s zone', () => {
		expect(dayLabel('2026-11-23')).toBe('Mon 23 Nov');
		expect(longDayLabel('2026-12-02')).toBe('Wednesday 2 December');
		expect(weekLabel(['2026-11-23', '2026-11-29'])).toMatch(/^23\s*[–-]\s*29 Nov 2026$/);
		expect(weekLabel(['2026-12-28', '2027-01-03'])).toMatch(/^28 Dec 2026\s*[–-]\s*3 Jan 2027$/);
		expect(weekLabel([])).toBe('');
	});
});
