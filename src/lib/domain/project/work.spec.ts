import { describe, expect, it } from 'vitest';
import { datesProblem, formatWork, parseWork } from './work.js';

describe('work as people type it', () => {
	it('reads hours and minutes into whole minutes; blank is none, zero is zero', () => {
		expect(parseWork('4h')).toEqual({ minutes: 240 });
		expect(parseWork('1h 30m')).toEqual({ minutes: 90 });
		expect(parseWork('2.5')).toEqual({ minutes: 150 });
		expect(parseWork('45m')).toEqual({ minutes: 45 });
		expect(parseWork('  ')).toEqual({ minutes: null });
		expect(parseWork('0')).toEqual({ minutes: 0 });
	});

	it('says what is wrong with what cannot be read', () => {
		expect(parseWork('soon')).toEqual({ error: '“soon” is not an amount of work such as 4h, 1h 30m or 45m' });
		expect(parseWork('-2h')).toEqual({ error: '“-2h” is not an amount of work such as 4h, 1h 30m or 45m' });
		expect(parseWork('0.01h')).toEqual({ error: 'Use whole minutes, such as 1h 30m' });
		expect(parseWork('9000h', 'A budget')).toEqual({ error: 'A budget is at most a year of work' });
	});

	it('shows minutes back as they are typed', () => {
		expect(formatWork(90)).toBe('1h 30m');
		expect(formatWork(2400)).toBe('40h');
		expect(formatWork(0)).toBe('0h');
		expect(formatWork(null)).toBe('');
	});

	it('refuses a due date before the start', () => {
		expect(datesProblem('2026-03-10', '2026-03-09')).toBe('The due date is before the start date');
		expect(datesProblem('2026-03-10', '2026-03-10')).toBeNull();
		expect(datesProblem(null, '2026-03-09')).toBeNull();
	});
});
