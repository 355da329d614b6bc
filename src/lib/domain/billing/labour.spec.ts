import { describe, expect, it } from 'vitest';
import { billableMinutes, drawDown, timeAndMaterialsLine } from './labour.js';

const TERMS = { incrementMinutes: 15, minimumMinutes: 60, afterHoursBasisPoints: 15_000 };

// worked examples, exact to the cent
describe('time and materials', () => {
	it('rounds each entry up to 15 minutes, with a one-hour minimum', () => {
		expect([5, 59, 60, 61, 75, 76, 0].map((m) => billableMinutes(m, TERMS))).toEqual([60, 60, 60, 75, 75, 90, 0]);
		// 20 minutes at $120.00/h bills the minimum hour: $120.00
		expect(timeAndMaterialsLine({ id: 'e1', minutes: 20, ratePerHour: 12_000, afterHours: false }, TERMS)).toMatchObject({ minutes: 60, amount: 12_000 });
		// 70 minutes → 75 at $95.00/h = $118.75
		expect(timeAndMaterialsLine({ id: 'e2', minutes: 70, ratePerHour: 9_500, afterHours: false }, TERMS)).toMatchObject({ minutes: 75, amount: 11_875, basis: '75 min at 9500/h (70 min worked, billed as 75)' });
	});

	it('bills an after-hours entry at 1.5× the rate', () => {
		// 90 minutes after hours at $95.00/h: $142.50/h × 1.5 h = $213.75
		expect(timeAndMaterialsLine({ id: 'e3', minutes: 90, ratePerHour: 9_500, afterHours: true }, TERMS)).toMatchObject({ minutes: 90, ratePerHour: 14_250, amount: 21_375 });
		// an odd rate: $99.99/h × 1.5 = $149.985 → $149.99/h; 45 min → 60 min minimum: $149.99
		expect(timeAndMaterialsLine({ id: 'e4', minutes: 45, ratePerHour: 9_999, afterHours: true }, TERMS)).toMatchObject({ ratePerHour: 14_999, amount: 14_999 });
	});
});

describe('prepaid block hours', () => {
	it('a 2.5 h entry crossing the end of a 10 h block: part drawn down, part at the overage rate', () => {
		// 8.5 h used already, 1.5 h left; the entry takes 90 min from the block, 60 min bill at $150.00/h = $150.00
		const result = drawDown(90, [{ id: 'late', minutes: 150 }], 15_000);
		expect(result.drawn).toEqual([{ entryId: 'late', minutes: 90 }]);
		expect(result.overage).toEqual([{ entryId: 'late', minutes: 60, ratePerHour: 15_000, amount: 15_000, basis: '60 min beyond the block at the overage rate' }]);
		expect(result.remainingMinutes).toBe(0);
	});

	it('entries within the block draw it down in order; an empty block bills everything as overage', () => {
		expect(drawDown(600, [{ id: 'a', minutes: 120 }, { id: 'b', minutes: 30 }], 15_000)).toEqual({ drawn: [{ entryId: 'a', minutes: 120 }, { entryId: 'b', minutes: 30 }], overage: [], remainingMinutes: 450 });
		// 25 minutes at $150.00/h = $62.50
		expect(drawDown(0, [{ id: 'c', minutes: 25 }], 15_000).overage[0].amount).toBe(6_250);
	});
});
