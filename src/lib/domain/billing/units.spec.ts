import { describe, expect, it } from 'vitest';
import { formatHours, formatMultiplier, formatPercent, parseHours, parseMultiplier, parsePercent, readTaxRate, shiftDecimal, unshiftDecimal } from './units.js';

describe('shiftDecimal', () => {
	it('shifts as text, exactly', () => {
		expect(shiftDecimal('8.25', 2)).toBe(825);
		// as floats 0.29 × 100 is 28.999999999999996
		expect(shiftDecimal('0.29', 2)).toBe(29);
		expect(shiftDecimal('1.5', 4)).toBe(15_000);
		expect(shiftDecimal('.5', 2)).toBe(50);
		expect(shiftDecimal('7.', 2)).toBe(700);
		expect(shiftDecimal('1,000', 2)).toBe(100_000);
		expect(shiftDecimal('-1', 2)).toBe(-100);
		expect(shiftDecimal('8.250', 2)).toBe(825);
	});

	it('keeps digits beyond the places as a fraction, and refuses what is not a number', () => {
		expect(shiftDecimal('8.255', 2)).toBe(825.5);
		expect(shiftDecimal('abc', 2)).toBeNull();
		expect(shiftDecimal('.', 2)).toBeNull();
		expect(shiftDecimal('', 2)).toBeNull();
		expect(shiftDecimal('1.2.3', 2)).toBeNull();
	});

	it('shifts back, without trailing zeros', () => {
		expect(unshiftDecimal(825, 2)).toBe('8.25');
		expect(unshiftDecimal(850, 2)).toBe('8.5');
		expect(unshiftDecimal(10_000, 2)).toBe('100');
		expect(unshiftDecimal(5, 2)).toBe('0.05');
		expect(unshiftDecimal(0, 4)).toBe('0');
		expect(unshiftDecimal(-150, 2)).toBe('-1.5');
	});
});

describe('percentages', () => {
	it('reads a share as basis points', () => {
		expect(parsePercent('90', 100_000)).toEqual({ ok: true, value: 9_000 });
		expect(parsePercent('8.25 %', 100_000)).toEqual({ ok: true, value: 825 });
		expect(parsePercent(' ', 100_000)).toEqual({ ok: true, value: null });
	});

	it('refuses extra decimals, negatives and more than the most', () => {
		expect(parsePercent('8.255', 100_000)).toEqual({ ok: false, error: 'Use at most two decimals, such as 8.25' });
		expect(parsePercent('-5', 100_000)).toEqual({ ok: false, error: 'A percentage cannot be negative' });
		expect(parsePercent('1001', 100_000)).toEqual({ ok: false, error: 'At most 1000 %' });
		expect(parsePercent('ninety', 100_000).ok).toBe(false);
	});

	it('shows basis points as a percentage that reads back the same', () => {
		for (const bp of [0, 1, 825, 850, 9_000, 10_000, 12_345]) expect(parsePercent(formatPercent(bp), 100_000)).toEqual({ ok: true, value: bp });
		expect(formatPercent(null)).toBe('');
	});
});

describe('tax rates', () => {
	it('reads 8.25 as 825 basis points', () => {
		expect(readTaxRate('8.25')).toEqual({ ok: true, value: 825 });
		expect(readTaxRate('0')).toEqual({ ok: true, value: 0 });
		expect(readTaxRate('100')).toEqual({ ok: true, value: 10_000 });
	});

	it('says why a rate is refused', () => {
		expect(readTaxRate('120')).toEqual({ ok: false, error: 'A tax rate cannot be over 100 %.' });
		expect(readTaxRate('-1')).toEqual({ ok: false, error: 'A tax rate cannot be negative.' });
		expect(readTaxRate('8.255')).toEqual({ ok: false, error: 'A tax rate has at most two decimals (8.25 %).' });
		expect(readTaxRate('')).toEqual({ ok: false, error: 'Enter the rate as a percentage, such as 8.25' });
		expect(readTaxRate('eight').ok).toBe(false);
	});
});

describe('multipliers', () => {
	it('reads ×1.5 as 15000 basis points, blank as none', () => {
		expect(parseMultiplier('1.5')).toEqual({ ok: true, value: 15_000 });
		expect(parseMultiplier('×2')).toEqual({ ok: true, value: 20_000 });
		expect(parseMultiplier('x1.25')).toEqual({ ok: true, value: 12_500 });
		expect(parseMultiplier('')).toEqual({ ok: true, value: null });
	});

	it('refuses what the schema would', () => {
		expect(parseMultiplier('1.23456').ok).toBe(false);
		expect(parseMultiplier('-1').ok).toBe(false);
		expect(parseMultiplier('11')).toEqual({ ok: false, error: 'At most 10 (ten times the rate)' });
		expect(parseMultiplier('fast').ok).toBe(false);
	});

	it('shows basis points as a multiplier', () => {
		expect(formatMultiplier(15_000)).toBe('1.5');
		expect(formatMultiplier(10_000)).toBe('1');
		expect(formatMultiplier(null)).toBe('');
	});
});

describe('hours', () => {
	it('reads hours as whole minutes', () => {
		expect(parseHours('10', 1_000_000)).toEqual({ ok: true, value: 600 });
		expect(parseHours('1.5', 1_000_000)).toEqual({ ok: true, value: 90 });
		expect(parseHours('1.25h', 1_000_000)).toEqual({ ok: true, value: 75 });
		expect(parseHours('1:30', 1_000_000)).toEqual({ ok: true, value: 90 });
		expect(parseHours('0.1', 1_000_000)).toEqual({ ok: true, value: 6 });
		expect(parseHours('', 1_000_000)).toEqual({ ok: true, value: null });
	});

	it('refuses parts of minutes, negatives and too many hours', () => {
		expect(parseHours('0.01', 1_000_000)).toEqual({ ok: false, error: 'Use whole minutes, such as 1.25 or 1:15' });
		expect(parseHours('-2', 1_000_000)).toEqual({ ok: false, error: 'Hours cannot be negative' });
		expect(parseHours('2', 60)).toEqual({ ok: false, error: 'At most 1 h' });
		expect(parseHours('1:75', 1_000_000).ok).toBe(false);
		expect(parseHours('lots', 1_000_000).ok).toBe(false);
	});

	it('shows minutes as hours that read back the same', () => {
		expect(formatHours(90)).toBe('1.5');
		expect(formatHours(75)).toBe('1.25');
		expect(formatHours(1_200)).toBe('20');
		expect(formatHours(20)).toBe('0:20');
		expect(formatHours(100)).toBe('1:40');
		expect(formatHours(null)).toBe('');
		for (const minutes of [0, 1, 6, 20, 45, 59, 61, 90, 100, 6_000]) expect(parseHours(formatHours(minutes), 1_000_000)).toEqual({ ok: true, value: minutes });
	});
});
