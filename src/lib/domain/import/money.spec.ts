import { describe, expect, it } from 'vitest';
import { formatMinor, minorUnits, parseAmount } from './money.js';

describe('amounts typed in a spreadsheet', () => {
	it.each([
		['125', 12500],
		['125.5', 12550],
		['125.50', 12550],
		['$1,250.00', 125000],
		['1,250,000', 125000000],
		['USD 99.99', 9999],
		['1.250,00 €', 125000],
		['125,50', 12550],
		["1'250.00", 125000],
		['0', 0],
		['0.12', 12]
	])('%s → %i minor units', (raw, minor) => {
		expect(parseAmount(raw)).toEqual({ value: minor });
	});

	it('refuses a lone separator followed by three digits: thousands or decimals cannot be told apart', () => {
		expect(parseAmount('1,250')).toEqual({
			reason: 'is ambiguous: write it with a decimal point and no thousands separator, e.g. 1250.00'
		});
		expect(parseAmount('1.250')).toHaveProperty('reason');
	});

	it.each([
		['12.345', 'is ambiguous'],
		['12.3456', 'has more than two decimal places'],
		['0.125', 'has more than two decimal places'],
		['-5', 'cannot be negative'],
		['(5.00)', 'cannot be negative'],
		['twelve', 'is not an amount'],
		['1,25,0.00', 'is not an amount'],
		['1.2.3', 'is not an amount'],
		['123456789012', 'is too large']
	])('refuses %s (%s)', (raw, reason) => {
		const parsed = parseAmount(raw);
		expect('reason' in parsed && parsed.reason).toMatch(reason);
	});

	it('writes minor units as a plain amount with two decimals', () => {
		expect(formatMinor(125000)).toBe('1250.00');
		expect(formatMinor('5')).toBe('0.05');
		expect(formatMinor(-1250n)).toBe('-12.50');
		expect(formatMinor('90071992547409930')).toBe('900719925474099.30');
		expect(formatMinor(null)).toBe('');
		expect(formatMinor(12.5)).toBe('12.5');
	});

	it('reads minor units as the database hands them over', () => {
		expect(minorUnits('12500')).toBe(12500n);
		expect(minorUnits(3)).toBe(3n);
		expect(minorUnits('1.5')).toBeNull();
		expect(minorUnits(undefined)).toBeNull();
	});
});
