import { describe, expect, it } from 'vitest';
import { applyBasisPoints, divideRounded, minutesAtRate } from './rounding.js';

describe('the rounding rule: half away from zero, to the minor unit', () => {
	it('rounds halves away from zero, both signs', () => {
		expect([divideRounded(5, 2), divideRounded(-5, 2), divideRounded(7, 3), divideRounded(-7, 3), divideRounded(8, 3)]).toEqual([3, -3, 2, -2, 3]);
	});

	it('applies basis points and hourly rates exactly', () => {
		// $123.45 at 8.25 % = $10.184625 → $10.18; ×1.5 = $185.175 → $185.18
		expect(applyBasisPoints(12_345, 825)).toBe(1_018);
		expect(applyBasisPoints(12_345, 15_000)).toBe(18_518);
		// 50 minutes at $95.00 an hour = $79.1666… → $79.17
		expect(minutesAtRate(50, 9_500)).toBe(7_917);
	});

	it('refuses what it cannot do exactly', () => {
		expect(() => divideRounded(1.5, 2)).toThrow(RangeError);
		expect(() => divideRounded(1, 0)).toThrow(RangeError);
	});
});
