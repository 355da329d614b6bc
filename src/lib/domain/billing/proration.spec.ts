import { describe, expect, it } from 'vitest';
import { cycleOf, proratedCharge } from './proration.js';

// worked examples, exact to the cent: price × days served / days in the cycle, half away from zero
describe('proration', () => {
	it('a monthly plan starting on the 17th of a 30-day month bills 14 of 30 days', () => {
		// $100.00 × 14/30 = $46.666… → $46.67
		expect(proratedCharge(10_000, cycleOf('2026-11-17', 'monthly'), '2026-11-17', null)).toBe(4_667);
		expect(cycleOf('2026-11-17', 'monthly')).toEqual({ start: '2026-11-01', end: '2026-11-30' });
	});

	it('a monthly plan starting on the 17th of a 31-day month bills 15 of 31 days', () => {
		// $100.00 × 15/31 = $48.387… → $48.39
		expect(proratedCharge(10_000, cycleOf('2026-12-17', 'monthly'), '2026-12-17', null)).toBe(4_839);
	});

	it('a service ending mid-month bills to its last day, both ends included', () => {
		// $310.00 × 10/31 (1st to 10th of December) = $100.00
		expect(proratedCharge(31_000, cycleOf('2026-12-01', 'monthly'), '2025-01-01', '2026-12-10')).toBe(10_000);
	});

	it('a quarterly plan associated mid-quarter bills the days left of the calendar quarter', () => {
		// Q1 2027 is 1 January to 31 March: 90 days; from 15 February, 45 days: $900.00 × 45/90 = $450.00
		expect(cycleOf('2027-02-15', 'quarterly')).toEqual({ start: '2027-01-01', end: '2027-03-31' });
		expect(proratedCharge(90_000, cycleOf('2027-02-15', 'quarterly'), '2027-02-15', null)).toBe(45_000);
		// $1,000.00 × 46/90 from 14 February = $511.111… → $511.11
		expect(proratedCharge(100_000, cycleOf('2027-02-14', 'quarterly'), '2027-02-14', null)).toBe(51_111);
	});

	it('bills a whole cycle at its price, and nothing outside the service', () => {
		expect(proratedCharge(12_345, cycleOf('2026-12-05', 'monthly'), '2026-01-01', null)).toBe(12_345);
		expect(proratedCharge(12_345, cycleOf('2026-12-05', 'monthly'), '2027-01-02', null)).toBe(0);
		expect(cycleOf('2028-02-10', 'annual')).toEqual({ start: '2028-01-01', end: '2028-12-31' });
		expect(cycleOf('2028-02-10', 'monthly')).toEqual({ start: '2028-02-01', end: '2028-02-29' });
	});
});
