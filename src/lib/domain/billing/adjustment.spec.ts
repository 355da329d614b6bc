import { describe, expect, it } from 'vitest';
import { adjustmentProblems, lineAmount } from './adjustment.js';

describe('adjusting a draft line', () => {
	it('prices quantity × unit price, rounded once', () => {
		// 1.333 h at $120.00 = $159.96; 2.5 units at $0.99 = $2.475 → $2.48
		expect([lineAmount(1.333, 12_000), lineAmount(2.5, 99), lineAmount(0, 5_000)]).toEqual([15_996, 248, 0]);
	});

	it('refuses a negative quantity, a fraction of a cent and a missing reason', () => {
		expect(adjustmentProblems({ quantity: -1, unitPrice: 10.5, reason: ' ' })).toEqual({
			quantity: 'A quantity cannot be negative.',
			unitPrice: 'A price is zero or more, in whole cents.',
			reason: 'Say why the line changes: the audit keeps it.'
		});
		expect(adjustmentProblems({ quantity: 1.2345, unitPrice: 100, reason: 'x' })).toEqual({ quantity: 'A quantity has at most three decimals.' });
		expect(adjustmentProblems({ quantity: 2.25, unitPrice: 100, reason: 'agreed discount' })).toBeNull();
	});
});
