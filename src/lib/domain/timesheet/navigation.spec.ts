import { describe, expect, it } from 'vitest';
import { currentWeek, dayHeading, relativeWeek, requestedWeek, shiftWeek, weekRangeText } from './navigation.js';

describe('week navigation', () => {
	it('this week is the tenant\'s: Sunday night in Sydney is already Monday', () => {
		const at = new Date('2027-01-03T20:00:00Z');
		expect(currentWeek('UTC', at)).toBe('2026-W53');
		expect(currentWeek('Australia/Sydney', at)).toBe('2027-W01');
	});

	it('a page asks for a week, or gets this one', () => {
		const at = new Date('2026-03-04T12:00:00Z');
		expect(requestedWeek('2026-W05', 'UTC', at)).toBe('2026-W05');
		for (const asked of [null, '', '2027-W53', 'soon']) expect(requestedWeek(asked, 'UTC', at)).toBe('2026-W10');
	});

	it('step back and forth across a year with 53 weeks', () => {
		expect(shiftWeek('2026-W52', 1)).toBe('2026-W53');
		expect(shiftWeek('2026-W53', 1)).toBe('2027-W01');
		expect(shiftWeek('2027-W01', -2)).toBe('2026-W52');
		expect(shiftWeek('2027-W10', 0)).toBe('2027-W10');
	});

	it('name weeks near this one', () => {
		expect(relativeWeek('2027-W01', '2027-W01')).toBe('This week');
		expect(relativeWeek('2026-W53', '2027-W01')).toBe('Last week');
		expect(relativeWeek('2027-W02', '2027-W01')).toBe('Next week');
		expect(relativeWeek('2026-W50', '2027-W01')).toBeNull();
	});

	it('show the dates a week spans, and a day\'s heading', () => {
		expect(weekRangeText('2026-W53')).toBe('Dec 28, 2026 – Jan 3, 2027');
		expect(weekRangeText('2026-W10')).toBe('Mar 2 – Mar 8, 2026');
		expect(dayHeading('2026-12-28')).toBe('Mon, Dec 28');
	});
});
