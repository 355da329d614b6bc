import { todayIn } from '../today.js';
import { isWeek, nextWeek, previousWeek, weekDays, weekOfDate, type IsoWeek } from './weeks.js';

/**
 * Moving through a person's weeks in the week view: where "this week" is for
 * the tenant, the week a page address asks for, and how a week is named.
 */

/** The week holding today where the tenant is. */
export const currentWeek = (timeZone: string, now = new Date()): IsoWeek => weekOfDate(todayIn(timeZone, now));

/** The week a page asks for (`?week=2026-W05`); this week when it asks for none or for one that is not a week. */
export function requestedWeek(asked: string | null, timeZone: string, now = new Date()): IsoWeek {
	return asked && isWeek(asked) ? asked : currentWeek(timeZone, now);
}

/** The week `steps` weeks away (negative: earlier). */
export function shiftWeek(week: string, steps: number): IsoWeek {
	let at = week as IsoWeek;
	for (let i = 0; i < Math.abs(steps); i++) at = steps < 0 ? previousWeek(at) : nextWeek(at);
	return at;
}

/** "This week", "Last week", "Next week", or null for any other week. */
export function relativeWeek(week: string, current: string): string | null {
	if (week === current) return 'This week';
	if (week === previousWeek(current)) return 'Last week';
	if (week === nextWeek(current)) return 'Next week';
	return null;
}

const dayFormat = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
const yearFormat = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });

/** "Dec 28, 2026 – Jan 3, 2027", or "Mar 2 – 8, 2026" style within one year: the dates a week spans. */
export function weekRangeText(week: string): string {
	const days = weekDays(week);
	const [first, last] = [new Date(`${days[0]}T00:00:00Z`), new Date(`${days[6]}T00:00:00Z`)];
	const sameYear = days[0].slice(0, 4) === days[6].slice(0, 4);
	return `${(sameYear ? dayFormat : yearFormat).format(first)} – ${yearFormat.format(last)}`;
}

const weekday = new Intl.DateTimeFormat('en-US', { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' });

/** "Mon, Dec 28": a day's heading in the week view. */
export const dayHeading = (date: string) => weekday.format(new Date(`${date}T00:00:00Z`));
