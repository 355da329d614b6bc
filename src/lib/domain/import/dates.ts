import type { Parsed } from './reader.js';

/**
 * Calendar dates as spreadsheets write them → YYYY-MM-DD (DESIGN.md §2).
 * Accepts YYYY-MM-DD (with a time after it, as database exports write),
 * MM/DD/YYYY and DD.MM.YYYY.
 */

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/;
const SLASHED = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
/** what ITFlow (MySQL) writes for "no date" */
const NO_DATE = /^0000-00-00/;

const NOT_A_DATE = 'is not a date (write it as YYYY-MM-DD, MM/DD/YYYY or DD.MM.YYYY)';

export function parseDate(raw: string): Parsed<string | null> {
	if (NO_DATE.test(raw)) return { value: null };
	const iso = ISO.exec(raw);
	if (iso) return calendarDate(+iso[1], +iso[2], +iso[3]);
	const dotted = DOTTED.exec(raw);
	if (dotted) return calendarDate(+dotted[3], +dotted[2], +dotted[1]);
	const slashed = SLASHED.exec(raw);
	if (!slashed) return { reason: NOT_A_DATE };
	const [first, second] = [+slashed[1], +slashed[2]];
	// Slashes are US order (MM/DD) unless the first number cannot be a month
	// (25/12/2024). So 03/04/2024 — ambiguous, both ≤ 12 — is read as March 4th.
	return first > 12 ? calendarDate(+slashed[3], second, first) : calendarDate(+slashed[3], first, second);
}

function calendarDate(year: number, month: number, day: number): Parsed<string> {
	const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
	if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth) return { reason: NOT_A_DATE };
	const pad = (n: number) => String(n).padStart(2, '0');
	return { value: `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}` };
}
