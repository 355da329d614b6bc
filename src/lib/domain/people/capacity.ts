import { formatDay, parseDay, requireDay, type Day } from '../contracts/days.js';

/**
 * A person's capacity — the minutes they work on each weekday — and what
 * approved time off takes out of it, day by day. Dates are `YYYY-MM-DD` with
 * no zone: a day off is a calendar day wherever the tenant is.
 */

/** Minutes per weekday, Monday first (seven numbers). */
export type WeekCapacity = readonly number[];

export const DAY_MINUTES = 24 * 60;

/** Everyone without a capacity of their own: 8 hours Monday to Friday. */
export const DEFAULT_CAPACITY: WeekCapacity = [480, 480, 480, 480, 480, 0, 0];

export const WEEKDAY_LABELS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/** Time off as the arithmetic needs it: a span of days, whole (null) or so many minutes a day. */
export interface TimeOffSpan {
	start: string;
	end: string;
	minutesPerDay: number | null;
}

/** 0 for Monday … 6 for Sunday (day 0, 1970-01-01, was a Thursday). */
export const weekdayOf = (day: Day): number => (((day + 3) % 7) + 7) % 7;

/** Every date from `start` to `end`, both included. */
export function eachDate(start: string, end: string): string[] {
	const first = requireDay(start);
	const last = requireDay(end);
	return Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => formatDay(first + i));
}

export function dayCapacity(capacity: WeekCapacity, date: string): number {
	return capacity[weekdayOf(requireDay(date))] ?? 0;
}

/** The minutes `span` takes off `date`: never more than the day's capacity, none on a day not worked. */
export function timeOffOn(span: TimeOffSpan, capacity: WeekCapacity, date: string): number {
	if (date < span.start || date > span.end) return 0;
	const day = dayCapacity(capacity, date);
	return span.minutesPerDay === null ? day : Math.min(span.minutesPerDay, day);
}

export interface DayAvailability {
	capacity: number;
	timeOff: number;
	available: number;
}

/** A day's capacity, the time off on it and what is left (two spans on one day never take it below zero). */
export function availabilityOn(capacity: WeekCapacity, spans: readonly TimeOffSpan[], date: string): DayAvailability {
	const day = dayCapacity(capacity, date);
	const off = Math.min(day, spans.reduce((sum, span) => sum + timeOffOn(span, capacity, date), 0));
	return { capacity: day, timeOff: off, available: day - off };
}

/** The sum of `availabilityOn` over `dates`. */
export function availabilityOver(capacity: WeekCapacity, spans: readonly TimeOffSpan[], dates: readonly string[]): DayAvailability {
	const total = { capacity: 0, timeOff: 0, available: 0 };
	for (const date of dates) {
		const day = availabilityOn(capacity, spans, date);
		total.capacity += day.capacity;
		total.timeOff += day.timeOff;
		total.available += day.available;
	}
	return total;
}

/** The days of a span the person works (capacity above zero): a request for a weekend alone has none. */
export const workingDays = (capacity: WeekCapacity, start: string, end: string): string[] =>
	eachDate(start, end).filter((date) => dayCapacity(capacity, date) > 0);

/** Whether two spans share a day. */
export const spansOverlap = (a: Pick<TimeOffSpan, 'start' | 'end'>, b: Pick<TimeOffSpan, 'start' | 'end'>): boolean =>
	a.start <= b.end && b.start <= a.end;

/** `total` minutes split into `parts` whole minutes, the remainder to the first parts (10 over 3: 4, 3, 3). */
export function splitMinutes(total: number, parts: number): number[] {
	if (parts <= 0) return [];
	const base = Math.floor(total / parts);
	const rest = total - base * parts;
	return Array.from({ length: parts }, (_, i) => base + (i < rest ? 1 : 0));
}

export const isDate = (text: string): boolean => parseDay(text) !== null;
