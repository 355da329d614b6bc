/**
 * Calendar dates (DESIGN.md §2: `YYYY-MM-DD`) as whole day numbers, 0 = 1970-01-01.
 *
 * Contract dates have no time of day and no time zone: doing the arithmetic on
 * integers with the proleptic Gregorian rules (H. Hinnant's civil-date algorithms)
 * means no `Date`, so no local-time parsing, no DST gaps and no allocation on the
 * hot path of the reminder scan.
 */

/** A calendar date as days since 1970-01-01. */
export type Day = number;

interface Civil {
	year: number;
	month: number;
	day: number;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isLeapYear(year: number): boolean {
	return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

export function daysInMonth(year: number, month: number): number {
	return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1];
}

function toDay({ year, month, day }: Civil): Day {
	const y = month <= 2 ? year - 1 : year;
	const era = Math.floor(y / 400);
	const yearOfEra = y - era * 400;
	const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
	const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
	return era * 146097 + dayOfEra - 719468;
}

function toCivil(days: Day): Civil {
	const z = days + 719468;
	const era = Math.floor(z / 146097);
	const dayOfEra = z - era * 146097;
	const yearOfEra = Math.floor(
		(dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365
	);
	const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
	const shifted = Math.floor((5 * dayOfYear + 2) / 153);
	const month = shifted < 10 ? shifted + 3 : shifted - 9;
	return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day: dayOfYear - Math.floor((153 * shifted + 2) / 5) + 1 };
}

/** `YYYY-MM-DD` → day number; null for anything else, including dates no calendar has (2026-02-29). */
export function parseDay(text: string | null | undefined): Day | null {
	const match = DATE.exec(text ?? '');
	if (!match) return null;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
	return toDay({ year, month, day });
}

/** Like parseDay, for a `today` the caller must get right: a bad one is a bug, not data. */
export function requireDay(text: string): Day {
	const day = parseDay(text);
	if (day === null) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${text}`);
	return day;
}

export function formatDay(days: Day): string {
	const { year, month, day } = toCivil(days);
	return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Months since year 0, so two dates' difference in calendar months is a subtraction. */
export function monthIndex(days: Day): number {
	const { year, month } = toCivil(days);
	return year * 12 + month - 1;
}

/**
 * `months` calendar months after `days`, clamped to the month's end when the day
 * does not exist there (Jan 31 + 1 month = Feb 28, or Feb 29 in a leap year).
 */
export function addMonths(days: Day, months: number): Day {
	const { year, month, day } = toCivil(days);
	const index = year * 12 + month - 1 + months;
	const targetYear = Math.floor(index / 12);
	const targetMonth = index - targetYear * 12 + 1;
	return toDay({ year: targetYear, month: targetMonth, day: Math.min(day, daysInMonth(targetYear, targetMonth)) });
}
