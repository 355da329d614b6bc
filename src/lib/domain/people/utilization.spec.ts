import { describe, expect, it } from 'vitest';
import { monthOf, readPeriod, utilization } from './utilization.js';

describe('utilization', () => {
	const sources = {
		from: '2026-12-01',
		to: '2026-12-31',
		people: [{ userId: 'u1', name: 'Theo' }, { userId: 'u2', name: 'Dana' }, { userId: 'u3', name: 'Off all month' }],
		capacity: new Map([['u3', [0, 0, 0, 0, 0, 0, 0]]]),
		timeOff: [{ userId: 'u1', start: '2026-12-24', end: '2026-12-31', minutesPerDay: null }],
		logged: [{ userId: 'u1', minutes: 6000, billableMinutes: 4800 }, { userId: 'u3', minutes: 60, billableMinutes: 60 }]
	};

	it('divides billable hours by the hours left after approved time off', () => {
		const { rows, total } = utilization(sources);
		// December 2026 has 23 weekdays; 24, 25, 28, 29, 30, 31 are off
		expect(rows[0]).toMatchObject({ capacityMinutes: 23 * 480, timeOffMinutes: 6 * 480, availableMinutes: 17 * 480, loggedMinutes: 6000, billableMinutes: 4800 });
		expect(rows[0].utilization).toBeCloseTo(4800 / (17 * 480));
		expect(rows[1]).toMatchObject({ availableMinutes: 23 * 480, billableMinutes: 0, utilization: 0 });
		expect(total.availableMinutes).toBe(40 * 480);
		expect(total.utilization).toBeCloseTo(4860 / (40 * 480));
	});

	it('has no utilization for someone with no hours, rather than infinity', () => {
		expect(utilization(sources).rows[2]).toMatchObject({ availableMinutes: 0, billableMinutes: 60, utilization: null });
		expect(utilization({ ...sources, people: [] }).total.utilization).toBeNull();
	});
});

describe('the report\'s period', () => {
	it('is the month of today unless asked otherwise', () => {
		expect(monthOf('2028-02-10')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
		expect(readPeriod({}, '2026-12-15')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
		expect(readPeriod({ month: '2027-01' }, '2026-12-15')).toEqual({ from: '2027-01-01', to: '2027-01-31' });
		expect(readPeriod({ from: '2026-11-15', to: '2026-12-14' }, '2026-12-15')).toEqual({ from: '2026-11-15', to: '2026-12-14' });
	});

	it('says what is wrong with a bad period and falls back to this month', () => {
		expect(readPeriod({ month: '2026-13' }, '2026-12-15')).toMatchObject({ from: '2026-12-01', problem: 'Give the month as YYYY-MM, like 2026-12.' });
		expect(readPeriod({ from: '2026-12-10', to: '2026-12-01' }, '2026-12-15').problem).toBe('The last day is before the first.');
		expect(readPeriod({ from: '2026-12-10' }, '2026-12-15').problem).toBe('Give both the first and the last day as dates like 2026-12-01.');
		expect(readPeriod({ from: '2025-01-01', to: '2026-12-31' }, '2026-12-15').problem).toBe('Pick at most a year.');
	});
});
