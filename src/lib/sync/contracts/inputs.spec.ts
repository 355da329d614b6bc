import { describe, expect, it } from 'vitest';
import { formatMoney, minorDigits, moneyInput, parseCount, parseMoney } from './inputs.js';

describe('parseMoney', () => {
	it('reads amounts as typed into minor units, exactly', () => {
		expect(parseMoney('1,250.50', 'USD')).toEqual({ ok: true, value: 125050 });
		expect(parseMoney('$ 0.3', 'USD')).toEqual({ ok: true, value: 30 });
		expect(parseMoney('.5', 'EUR')).toEqual({ ok: true, value: 50 });
		expect(parseMoney('19.99', null)).toEqual({ ok: true, value: 1999 });
		expect(parseMoney('1250', 'JPY')).toEqual({ ok: true, value: 1250 });
		expect(parseMoney('7.', 'USD')).toEqual({ ok: true, value: 700 });
	});

	it('treats blank as no amount', () => {
		expect(parseMoney('  ', 'USD')).toEqual({ ok: true, value: null });
	});

	it('refuses what is not an amount, extra decimals and negatives', () => {
		expect(parseMoney('abc', 'USD').ok).toBe(false);
		expect(parseMoney('.', 'USD').ok).toBe(false);
		expect(parseMoney('1.234', 'USD')).toEqual({ ok: false, error: 'Use at most 2 decimals' });
		expect(parseMoney('10.5', 'JPY')).toEqual({ ok: false, error: 'This currency has no cents' });
		expect(parseMoney('-5', 'USD').ok).toBe(false);
		expect(parseMoney('99999999999999999', 'USD').ok).toBe(false);
	});
});

describe('moneyInput and formatMoney', () => {
	it('show stored minor units back', () => {
		expect(moneyInput(125050, 'USD')).toBe('1250.50');
		expect(moneyInput(5, 'USD')).toBe('0.05');
		expect(moneyInput(1250, 'JPY')).toBe('1250');
		expect(moneyInput(null, 'USD')).toBe('');
		expect(formatMoney(125050, 'USD')).toBe('$1,250.50');
		expect(formatMoney(125050, 'EUR')).toBe('€1,250.50');
		expect(formatMoney(125050, null)).toBe('1,250.50');
	});

	it('round-trips through the input', () => {
		for (const minor of [0, 1, 99, 100, 123456789]) {
			expect(parseMoney(moneyInput(minor, 'USD'), 'USD')).toEqual({ ok: true, value: minor });
		}
	});

	it('knows minor digits, 2 when the currency is unknown', () => {
		expect(minorDigits('USD')).toBe(2);
		expect(minorDigits('JPY')).toBe(0);
		expect(minorDigits('XYZ1')).toBe(2);
		expect(minorDigits(null)).toBe(2);
	});
});

describe('parseCount', () => {
	it('reads whole numbers up to a maximum', () => {
		expect(parseCount(' 30 ', 3650)).toEqual({ ok: true, value: 30 });
		expect(parseCount('', 3650)).toEqual({ ok: true, value: null });
		expect(parseCount('4000', 3650)).toEqual({ ok: false, error: 'At most 3650' });
		expect(parseCount('2.5', 3650)).toEqual({ ok: false, error: 'Enter a whole number' });
	});
});
