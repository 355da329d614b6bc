import { TZDate, tz } from '@date-fns/tz';
import { addDays, addWeeks, getISOWeek, getISOWeeksInYear, getISOWeekYear, startOfISOWeek } from 'date-fns';
import { docName } from '../documents/names.js';
import { todayIn } from '../today.js';

/**
 * ISO weeks (Monday first; week 1 holds the year's first Thursday) as a
 * timesheet names them: `2026-W53`. A date's week does not depend on a zone;
 * an instant's week is the week of its date where the tenant is.
 */

export type IsoWeek = `${number}-W${string}`;

const WEEK = /^(\d{4})-W(\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// calendar arithmetic on dates happens in UTC, so the server's own zone and its DST never shift a day
const utc = tz('UTC');

function utcDate(date: string): Date {
	const match = DATE.exec(date);
	if (!match) throw new Error(`not a date (YYYY-MM-DD): ${date}`);
	const day = new Date(Date.UTC(+match[1], +match[2] - 1, +match[3]));
	if (day.toISOString().slice(0, 10) !== date) throw new Error(`not a calendar date: ${date}`);
	return day;
}

const dateOf = (day: Date) => day.toISOString().slice(0, 10);

const weekLabel = (year: number, week: number): IsoWeek => `${year}-W${String(week).padStart(2, '0')}`;

/** `2026-W53` → its year and number; null for a malformed week or one the year does not have (2027-W53). */
export function parseWeek(week: string): { year: number; week: number } | null {
	const match = WEEK.exec(week);
	if (!match) return null;
	const year = +match[1];
	const number = +match[2];
	const weeksInYear = getISOWeeksInYear(new Date(Date.UTC(year, 5, 1)), { in: utc });
	return number >= 1 && number <= weeksInYear ? { year, week: number } : null;
}

export const isWeek = (week: string): week is IsoWeek => parseWeek(week) !== null;

/** The ISO week a date (YYYY-MM-DD) falls in: 2027-01-01 is in 2026-W53. */
export function weekOfDate(date: string): IsoWeek {
	const day = utcDate(date);
	return weekLabel(getISOWeekYear(day, { in: utc }), getISOWeek(day, { in: utc }));
}

/** The ISO week an instant falls in where the tenant is (a Sunday-night entry in Sydney is not Monday's in UTC). */
export function weekOfInstant(at: Date | string, timeZone: string): IsoWeek {
	return weekOfDate(todayIn(timeZone, new Date(at)));
}

function monday(week: string): Date {
	const parsed = parseWeek(week);
	if (!parsed) throw new Error(`not an ISO week (YYYY-Www): ${week}`);
	// 4 January is always in week 1
	const firstWeek = startOfISOWeek(new Date(Date.UTC(parsed.year, 0, 4)), { in: utc });
	return addWeeks(firstWeek, parsed.week - 1, { in: utc });
}

// a week's dates are asked for per record (validation, overlaps): date arithmetic in a zone costs
// about a millisecond a call, so each week's are worked out once; a person touches a few weeks
const daysOfWeek = new Map<string, readonly string[]>();
const KEPT_WEEKS = 1000;

/** The seven dates of a week, Monday first. */
export function weekDays(week: string): string[] {
	let days = daysOfWeek.get(week);
	if (!days) {
		const first = monday(week);
		days = Array.from({ length: 7 }, (_, i) => dateOf(addDays(first, i, { in: utc })));
		if (daysOfWeek.size >= KEPT_WEEKS) daysOfWeek.clear();
		daysOfWeek.set(week, days);
	}
	return [...days];
}

export const weekContains = (week: string, date: string): boolean => DATE.test(date) && weekDays(week).includes(date);

export function nextWeek(week: string): IsoWeek {
	return weekOfDate(dateOf(addWeeks(monday(week), 1, { in: utc })));
}

export function previousWeek(week: string): IsoWeek {
	return weekOfDate(dateOf(addWeeks(monday(week), -1, { in: utc })));
}

/**
 * The instants a week spans where the tenant is: Monday 00:00 to the next
 * Monday 00:00 local time. A week with a DST change is 167 or 169 hours long.
 */
export function weekSpan(week: string, timeZone: string): { start: Date; end: Date } {
	const at = (date: string) => {
		const [y, m, d] = date.split('-').map(Number);
		return new Date(new TZDate(y, m - 1, d, timeZone).getTime());
	};
	return { start: at(weekDays(week)[0]), end: at(weekDays(nextWeek(week))[0]) };
}

/** `T:timesheet:USER:YYYY-Www`: one person's week. */
export function timesheetDocName(tenantId: string, userId: string, week: string): string {
	if (!isWeek(week)) throw new Error(`not an ISO week (YYYY-Www): ${week}`);
	return docName(tenantId, 'timesheet', userId, week);
}
