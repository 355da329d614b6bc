import type { Parsed } from './reader.js';

/**
 * Amounts people type ("125", "125.50", "$1,250.00", "1.250,00 €") to integer
 * minor units, and back to "1250.00" for export (DESIGN.md §2: money is whole
 * cents, never a float). Two decimal places, like the rest of the app.
 */

export type MoneyValue = number | string | bigint | null | undefined;

const CURRENCY_MARK = /^(?:[A-Z]{3}|[A-Z]{0,2}[$€£¥₹])\s*|\s*(?:[A-Z]{3}|[$€£¥₹])$/gi;
const AMOUNT = /^\d[\d.,' \u00a0\u202f]*$/;
const GROUP_SEPARATORS = /[.,' \u00a0\u202f]/g;
const LEADING_ZEROS = /^0+/;
const THREE_DIGITS = /^\d{3}$/;
const FIRST_GROUP = /^\d{1,3}$/;
const DIGITS = /^\d*$/;
const INTEGER = /^-?\d+$/;
/** the schema's bound (fields.ts money): 1e13 minor units */
const MAX_WHOLE_DIGITS = 11;

const NOT_AN_AMOUNT = 'is not an amount (write it like 125 or 125.50)';

export function parseAmount(raw: string): Parsed<number> {
	const text = raw.replace(CURRENCY_MARK, '').trim();
	if (text.startsWith('-') || (text.startsWith('(') && text.endsWith(')'))) return { reason: 'cannot be negative' };
	if (!AMOUNT.test(text)) return { reason: NOT_AN_AMOUNT };
	const decimalAt = decimalSeparatorAt(text);
	if (decimalAt === 'ambiguous') {
		return { reason: `is ambiguous: write it with a decimal point and no thousands separator, e.g. ${text.replace(GROUP_SEPARATORS, '')}.00` };
	}
	const whole = decimalAt === -1 ? text : text.slice(0, decimalAt);
	const fraction = decimalAt === -1 ? '' : text.slice(decimalAt + 1);
	if (!DIGITS.test(fraction)) return { reason: NOT_AN_AMOUNT };
	if (fraction.length > 2) return { reason: 'has more than two decimal places' };
	const digits = ungroup(whole);
	if (digits === null) return { reason: NOT_AN_AMOUNT };
	if (digits.replace(LEADING_ZEROS, '').length > MAX_WHOLE_DIGITS) return { reason: 'is too large' };
	return { value: Number(digits) * 100 + Number(fraction.padEnd(2, '0')) };
}

/**
 * Where the decimal separator is, -1 for none. With both '.' and ',' the later
 * one is the decimal separator; a lone separator followed by exactly three
 * digits ("1,250", "1.250") could be either and is refused rather than guessed.
 */
function decimalSeparatorAt(text: string): number | 'ambiguous' {
	const lastDot = text.lastIndexOf('.');
	const lastComma = text.lastIndexOf(',');
	if (lastDot !== -1 && lastComma !== -1) return Math.max(lastDot, lastComma);
	const at = Math.max(lastDot, lastComma);
	if (at === -1 || text.indexOf(text[at]) !== at) return -1;
	// "0.125" cannot be thousands
	return text.length - at - 1 === 3 && text.slice(0, at) !== '0' ? 'ambiguous' : at;
}

/** "1,250,000" → "1250000"; null when the grouping is not in threes. */
function ungroup(whole: string): string | null {
	const groups = whole.split(GROUP_SEPARATORS);
	if (groups.length === 1) return DIGITS.test(whole) ? whole : null;
	const wellFormed = FIRST_GROUP.test(groups[0]) && groups.slice(1).every((group) => THREE_DIGITS.test(group));
	return wellFormed ? groups.join('') : null;
}

/** As a BigInt (sums can pass 2^53); null for no amount, or one that is not whole minor units. */
export function minorUnits(value: MoneyValue): bigint | null {
	if (value === null || value === undefined) return null;
	const whole = typeof value === 'number' ? Number.isInteger(value) : typeof value === 'bigint' || INTEGER.test(value);
	return whole ? BigInt(value) : null;
}

/** Minor units → "1250.00"; blank for no amount. A value that is not whole minor units is written as it came. */
export function formatMinor(value: MoneyValue): string {
	const minor = minorUnits(value);
	if (minor === null) return value === null || value === undefined ? '' : String(value);
	const size = minor < 0n ? -minor : minor;
	const cents = (size % 100n).toString().padStart(2, '0');
	return `${minor < 0n ? '-' : ''}${size / 100n}.${cents}`;
}
