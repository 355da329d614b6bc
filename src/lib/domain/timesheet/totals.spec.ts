import { describe, expect, it } from 'vitest';
import { hoursAndMinutes, weekTotals } from './totals.js';

describe('timesheet totals', () => {
	it('add up each day and the week, billable apart', () => {
		const totals = weekTotals(
			'2026-W53',
			[
				{ date: '2026-12-28', minutes: 90, billable: true },
				{ date: '2026-12-28', minutes: 30, billable: false },
				{ date: '2027-01-01', minutes: 60, billable: true },
				{ date: '2027-01-01', minutes: 600, billable: true, deletedAt: '2027-01-01T12:00:00.000Z' },
				{ date: '2027-01-04', minutes: 45, billable: true }
			],
			[
				{ amount: 1250, billable: true },
				{ amount: 800, billable: false },
				{ amount: 9999, billable: true, deletedAt: '2027-01-01T12:00:00.000Z' }
			]
		);
		expect(totals.days).toHaveLength(7);
		expect(totals.days[0]).toEqual({ date: '2026-12-28', total: 120, billable: 90, nonBillable: 30 });
		expect(totals.days[1]).toEqual({ date: '2026-12-29', total: 0, billable: 0, nonBillable: 0 });
		expect(totals.days[4]).toEqual({ date: '2027-01-01', total: 60, billable: 60, nonBillable: 0 });
		expect(totals.week).toEqual({ total: 180, billable: 150, nonBillable: 30 });
		expect(totals.expenses).toEqual({ total: 2050, billable: 1250 });
	});

	it('show minutes as hours and minutes', () => {
		expect(hoursAndMinutes(425)).toBe('7:05');
		expect(hoursAndMinutes(0)).toBe('0:00');
		expect(hoursAndMinutes(2400)).toBe('40:00');
	});
});
