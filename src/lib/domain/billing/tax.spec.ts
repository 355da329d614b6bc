import { describe, expect, it } from 'vitest';
import { taxRateFor, taxRateProblem, taxSummary } from './tax.js';

// worked examples, exact to the cent
describe('tax', () => {
	it('taxes only taxable lines, per rate, with mixed rates', () => {
		const summary = taxSummary([
			{ amount: 10_000, taxable: true, taxBasisPoints: 825 }, // managed services, 8.25 %
			{ amount: 4_999, taxable: true, taxBasisPoints: 825 },
			{ amount: 20_000, taxable: false, taxBasisPoints: 825 }, // labour, not taxable here
			{ amount: 3_333, taxable: true, taxBasisPoints: 600 } // hardware resold in another region, 6 %
		]);
		// 8.25 % of $149.99 = $12.374175 → $12.37; 6 % of $33.33 = $1.9998 → $2.00
		expect(summary.byRate).toEqual([
			{ basisPoints: 825, taxable: 14_999, tax: 1_237 },
			{ basisPoints: 600, taxable: 3_333, tax: 200 }
		]);
		expect(summary).toMatchObject({ subtotal: 38_332, tax: 1_437, total: 39_769 });
	});

	it('rounds once per rate, so splitting a line never changes the tax', () => {
		const whole = taxSummary([{ amount: 1_000, taxable: true, taxBasisPoints: 825 }]);
		const split = taxSummary([
			{ amount: 500, taxable: true, taxBasisPoints: 825 },
			{ amount: 500, taxable: true, taxBasisPoints: 825 }
		]);
		// $10.00 at 8.25 % = $0.825 → $0.83, where two lines rounded apart would make $0.82
		expect([whole.tax, split.tax]).toEqual([83, 83]);
	});

	it('refuses a rate over 100 %, a negative one, or one with more than two decimals', () => {
		expect([taxRateProblem(10_001), taxRateProblem(-1), taxRateProblem(82.5), taxRateProblem(10_000)]).toEqual([
			'A tax rate cannot be over 100 %.',
			'A tax rate cannot be negative.',
			'A tax rate has at most two decimals (8.25 %).',
			null
		]);
		expect(() => taxSummary([{ amount: 100, taxable: true, taxBasisPoints: 12_000 }])).toThrow('A tax rate cannot be over 100 %.');
	});

	it("picks the customer region's rate, else the tenant default, else none", () => {
		const rates = [{ basisPoints: 825, region: null }, { basisPoints: 600, region: 'WA' }];
		expect([taxRateFor('wa ', rates), taxRateFor('OR', rates), taxRateFor(null, rates), taxRateFor('WA', [])]).toEqual([600, 825, 825, 0]);
	});
});
