/**
 * What people type in contract forms and read back: money as integer minor
 * units (DESIGN.md §2; "1,250.50" in USD is 125050, "1250" in JPY is 1250) and
 * whole numbers such as notice days.
 */

const LOCALE = 'en-US';
const formats = new Map<string, Intl.NumberFormat>();

function currencyFormat(currency: string): Intl.NumberFormat | null {
	let made = formats.get(currency);
	if (!made) {
		try {
			made = new Intl.NumberFormat(LOCALE, { style: 'currency', currency });
		} catch {
			return null;
		}
		formats.set(currency, made);
	}
	return made;
}

/** How many digits the currency's minor unit has (2 for USD and EUR, 0 for JPY); 2 when unknown. */
export function minorDigits(currency: string | null): number {
	return (currency ? currencyFormat(currency)?.resolvedOptions().maximumFractionDigits : undefined) ?? 2;
}

/** "$1,250.50"; without a known currency just the number with its decimals. */
export function formatMoney(minor: number, currency: string | null): string {
	const digits = minorDigits(currency);
	const major = minor / 10 ** digits;
	const format = currency ? currencyFormat(currency) : null;
	return format ? format.format(major) : major.toLocaleString(LOCALE, { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** The value an input shows for stored money: "1250.50" (no grouping, so it edits cleanly). */
export function moneyInput(minor: number | null, currency: string | null): string {
	if (minor === null) return '';
	const digits = minorDigits(currency);
	const sign = minor < 0 ? '-' : '';
	const abs = Math.abs(minor);
	if (digits === 0) return `${sign}${abs}`;
	const scale = 10 ** digits;
	return `${sign}${Math.floor(abs / scale)}.${String(abs % scale).padStart(digits, '0')}`;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * What someone typed → minor units, by string arithmetic (0.1 + 0.2 must not
 * become 30000000000000004). Blank is null; grouping commas, spaces and a
 * currency symbol are ignored; more decimals than the currency has is an error.
 */
export function parseMoney(text: string, currency: string | null): Parsed<number | null> {
	const cleaned = text.replace(/[\s,]/g, '').replace(/^\p{Sc}/u, '');
	if (cleaned === '') return { ok: true, value: null };
	const match = /^(\d*)(?:\.(\d*))?$/.exec(cleaned);
	if (!match || (match[1] === '' && !match[2])) return { ok: false, error: 'Enter an amount, such as 1250.00' };
	const digits = minorDigits(currency);
	const fraction = match[2] ?? '';
	if (fraction.length > digits) {
		return { ok: false, error: digits === 0 ? 'This currency has no cents' : `Use at most ${digits} decimals` };
	}
	const value = Number(match[1] || '0') * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
	if (!Number.isSafeInteger(value) || value > 1e13) return { ok: false, error: 'That amount is too large' };
	return { ok: true, value };
}

/** A whole number in 0…max, blank as null. */
export function parseCount(text: string, max: number): Parsed<number | null> {
	const trimmed = text.trim();
	if (trimmed === '') return { ok: true, value: null };
	if (!/^\d+$/.test(trimmed)) return { ok: false, error: 'Enter a whole number' };
	const value = Number(trimmed);
	return value > max ? { ok: false, error: `At most ${max}` } : { ok: true, value };
}
