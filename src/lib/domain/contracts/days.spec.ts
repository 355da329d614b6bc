import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, daysInMonth, formatDay, monthIndex, parseDay, requireDay } from './days.js';

const day = (text: string) => requireDay(text);

describe('parseDay / formatDay', () => {
	it('counts days from 1970-01-01, as Date.UTC does, for any date in years 1000–9999', () => {
		fc.assert(
			fc.property(fc.date({ min: new Date('1000-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }), (date) => {
				const text = date.toISOString().slice(0, 10);
				const days = parseDay(text);
				expect(days).toBe(Math.floor(date.getTime() / 86_400_000));
				expect(formatDay(days!)).toBe(text);
			})
		);
	});

	it('refuses what is not a calendar date', () => {
		for (const text of ['2026-02-29', '2100-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-1-1', '01/03/2026', '2026-03-01T00:00:00Z', '', null, undefined]) {
			expect(parseDay(text), String(text)).toBeNull();
		}
		expect(() => requireDay('tomorrow')).toThrow(RangeError);
	});

	it('knows the leap years: every 4th, not every 100th, every 400th', () => {
		expect([1900, 2000, 2023, 2024, 2100].map((year) => daysInMonth(year, 2))).toEqual([28, 29, 28, 29, 28]);
		expect(parseDay('2000-02-29')).not.toBeNull();
	});
});

describe('addMonths', () => {
	it('clamps to the end of a shorter month', () => {
		expect(formatDay(addMonths(day('2024-01-31'), 1))).toBe('2024-02-29');
		expect(formatDay(addMonths(day('2023-01-31'), 1))).toBe('2023-02-28');
		expect(formatDay(addMonths(day('2026-03-31'), 1))).toBe('2026-04-30');
		expect(formatDay(addMonths(day('2024-02-29'), 12))).toBe('2025-02-28');
		expect(formatDay(addMonths(day('2024-02-29'), 48))).toBe('2028-02-29');
	});

	it('crosses years both ways', () => {
		expect(formatDay(addMonths(day('2026-11-15'), 3))).toBe('2027-02-15');
		expect(formatDay(addMonths(day('2026-01-15'), -1))).toBe('2025-12-15');
		expect(formatDay(addMonths(day('2026-03-31'), -13))).toBe('2025-02-28');
	});

	it('counts calendar months between dates by monthIndex', () => {
		expect(monthIndex(day('2027-02-01')) - monthIndex(day('2026-11-30'))).toBe(3);
	});
});
