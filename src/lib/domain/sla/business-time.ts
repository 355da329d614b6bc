import { ledgerOf, pausedWithin } from './business-ledger.js';

/**
 * Business time: the hours a service desk counts towards SLA targets, in the
 * calendar's own time zone (so a 9:00 opening stays 9:00 across a DST change),
 * without holidays, and without the spans a ticket was paused. Instants are
 * epoch milliseconds; durations are whole minutes.
 */

/** An opening span of one weekday: minutes after local midnight, [open, close). */
export type OpeningSpan = readonly [open: number, close: number];

export interface BusinessCalendar {
	/** IANA zone the opening hours are in, e.g. "Europe/London" */
	timeZone: string;
	/** opening spans per weekday, 0 = Sunday … 6 = Saturday */
	week: readonly (readonly OpeningSpan[])[];
	/** closed days, YYYY-MM-DD in the calendar's zone */
	holidays: ReadonlySet<string>;
}

/** A span of instants, [start, end) in epoch ms. */
export type Span = readonly [start: number, end: number];

const MINUTE = 60_000;
/** how far ahead a target is searched before the calendar is taken to have no hours at all */
const MAX_DAYS = 3 * 366;

/** Round-the-clock service: every minute counts. */
export const ALWAYS_OPEN: BusinessCalendar = { timeZone: 'UTC', week: Array.from({ length: 7 }, () => [[0, 1440]] as const), holidays: new Set() };

/** Monday to Friday with the same hours each day (minutes after midnight). */
export function weekdays(timeZone: string, open: number, close: number, holidays: Iterable<string> = []): BusinessCalendar {
	const day: readonly OpeningSpan[] = [[open, close]];
	return { timeZone, week: [[], day, day, day, day, day, []], holidays: new Set(holidays) };
}

/** Business minutes from `from` to `to` without `pauses` (sorted by start, not overlapping); 0 when `to` is not after `from`. */
export function businessMinutesBetween(calendar: BusinessCalendar, from: number, to: number, pauses: readonly Span[] = []): number {
	if (to <= from) return 0;
	const ledger = ledgerOf(calendar);
	return Math.floor((ledger.at(to) - ledger.at(from) - pausedWithin(ledger, from, to, pauses)) / MINUTE);
}

/**
 * The instant `minutes` of business time after `from`: when a target falls
 * due. Pauses that lie ahead (known only for the past) push it later. Null when
 * the calendar has no open hours within three years.
 */
export function addBusinessMinutes(calendar: BusinessCalendar, from: number, minutes: number, pauses: readonly Span[] = []): number | null {
	if (minutes <= 0) return from;
	const ledger = ledgerOf(calendar);
	const limit = from + MAX_DAYS * 86_400_000;
	let reading = ledger.at(from) + minutes * MINUTE;
	// each pause that starts before the due time moves it on by the business time it covers
	for (const [start, end] of pauses) {
		if (end <= from) continue;
		const due = ledger.instantOf(reading, limit);
		if (due === null || start >= due) break;
		reading += ledger.at(end) - ledger.at(Math.max(start, from));
	}
	return ledger.instantOf(reading, limit);
}
