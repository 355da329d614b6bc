import { taxRateProblem } from './tax.js';

/**
 * What people type for billing terms and read back, and what the documents
 * store (DESIGN.md §2): a percentage as basis points ("8.25" → 825), a
 * multiplier as basis points ("1.5" → 15000), hours as whole minutes
 * ("1.5" or "1:30" → 90). Decimals are shifted as text, never multiplied as
 * floats (8.25 × 100 is 825.0000000000001).
 */

export type Read<T> = { ok: true; value: T } | { ok: false; error: string };

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/**
 * The number typed, times 10^places, exactly: "8.25" at 2 places is 825.
 * Digits beyond `places` stay a fraction ("8.255" → 825.5), which callers
 * refuse as too many decimals. Grouping commas and spaces are ignored; null
 * when it is not a number.
 */
export function shiftDecimal(text: string, places: number): number | null {
	const match = DECIMAL.exec(text.replace(/[\s,]/g, ''));
	if (!match || (match[2] === '' && !match[3])) return null;
	const fraction = match[3] ?? '';
	const rest = fraction.slice(places).replace(/0+$/, '');
	const value = Number(`${match[2] || '0'}${fraction.slice(0, places).padEnd(places, '0')}${rest ? `.${rest}` : ''}`);
	return match[1] === '-' && value !== 0 ? -value : value;
}

/** An integer shifted back: 825 at 2 places is "8.25", 15000 at 4 is "1.5", 10000 at 2 is "100". */
export function unshiftDecimal(value: number, places: number): string {
	const digits = String(Math.abs(value)).padStart(places + 1, '0');
	const whole = digits.slice(0, digits.length - places);
	const fraction = digits.slice(digits.length - places).replace(/0+$/, '');
	return `${value < 0 ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

const PERCENT_HELP = 'Enter a percentage, such as 8.25';

/** A share typed as a percentage ("90", "8.25 %") → basis points; blank is null. At most two decimals, from 0 to `max` basis points. */
export function parsePercent(text: string, max: number): Read<number | null> {
	const typed = text.trim().replace(/%$/, '');
	if (typed.trim() === '') return { ok: true, value: null };
	const value = shiftDecimal(typed, 2);
	if (value === null) return { ok: false, error: PERCENT_HELP };
	if (!Number.isInteger(value)) return { ok: false, error: 'Use at most two decimals, such as 8.25' };
	if (value < 0) return { ok: false, error: 'A percentage cannot be negative' };
	if (value > max) return { ok: false, error: `At most ${unshiftDecimal(max, 2)} %` };
	return { ok: true, value };
}

/** A tax rate typed as a percentage → basis points, or why it cannot be a rate (taxRateProblem: over 100 %, negative, more than two decimals). */
export function readTaxRate(text: string): Read<number> {
	const typed = text.trim().replace(/%$/, '');
	const value = typed.trim() === '' ? null : shiftDecimal(typed, 2);
	if (value === null) return { ok: false, error: 'Enter the rate as a percentage, such as 8.25' };
	const problem = taxRateProblem(value);
	return problem ? { ok: false, error: problem } : { ok: true, value };
}

/** Basis points as an input shows them: 825 → "8.25", 10000 → "100"; null → "". */
export function formatPercent(basisPoints: number | null): string {
	return basisPoints === null ? '' : unshiftDecimal(basisPoints, 2);
}

/** The largest multiplier an agreement takes (×10), in basis points: the schema's limit. */
export const MAX_MULTIPLIER_BASIS_POINTS = 100_000;

/** A multiplier ("1.5", "×2") → basis points (15000); blank is null (×1). */
export function parseMultiplier(text: string): Read<number | null> {
	const typed = text.trim().replace(/^[×x*]\s*/i, '');
	if (typed === '') return { ok: true, value: null };
	const value = shiftDecimal(typed, 4);
	if (value === null) return { ok: false, error: 'Enter a multiplier, such as 1.5' };
	if (!Number.isInteger(value)) return { ok: false, error: 'Use at most four decimals, such as 1.25' };
	if (value < 0) return { ok: false, error: 'A multiplier cannot be negative' };
	if (value > MAX_MULTIPLIER_BASIS_POINTS) return { ok: false, error: 'At most 10 (ten times the rate)' };
	return { ok: true, value };
}

/** 15000 → "1.5"; null → "". */
export function formatMultiplier(basisPoints: number | null): string {
	return basisPoints === null ? '' : unshiftDecimal(basisPoints, 4);
}

const HOURS_HELP = 'Enter hours, such as 10, 1.5 or 1:30';

/** Hours typed as "10", "1.5", "1.5h" or "1:30" → whole minutes; blank is null. */
export function parseHours(text: string, maxMinutes: number): Read<number | null> {
	const typed = text.trim().toLowerCase().replace(/\s*h(ours?|rs?)?$/, '');
	if (typed === '') return { ok: true, value: null };
	const clock = /^(\d+):([0-5]\d)$/.exec(typed);
	// ten-thousandths of an hour, so 1.25 h is exact; a minute is 10000 / 60 of them
	const tenThousandths = clock ? null : shiftDecimal(typed, 4);
	if (!clock && tenThousandths === null) return { ok: false, error: HOURS_HELP };
	if (tenThousandths !== null && tenThousandths < 0) return { ok: false, error: 'Hours cannot be negative' };
	const minutes = clock ? Number(clock[1]) * 60 + Number(clock[2]) : ((tenThousandths as number) * 60) / 10_000;
	if (!Number.isInteger(minutes)) return { ok: false, error: 'Use whole minutes, such as 1.25 or 1:15' };
	if (minutes > maxMinutes) return { ok: false, error: `At most ${formatHours(maxMinutes)} h` };
	return { ok: true, value: minutes };
}

/** Minutes as hours: 90 → "1.5", 75 → "1.25", 1200 → "20"; a time no two decimals hold as "h:mm" (20 → "0:20"); null → "". */
export function formatHours(minutes: number | null): string {
	if (minutes === null) return '';
	// hundredths of an hour are whole when the minutes are a multiple of 3 (0.6 minutes each)
	if (minutes % 3 === 0) return unshiftDecimal((minutes / 3) * 5, 2);
	return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}
