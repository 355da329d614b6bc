import { TZDateMini } from '@date-fns/tz';

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

interface LocalDay {
	key: string;
	year: number;
	month: number;
	date: number;
	weekday: number;
}

function localDay(timeZone: string, at: number): LocalDay {
	const d = new TZDateMini(at, timeZone);
	return dayOf(d.getFullYear(), d.getMonth(), d.getDate());
}

// calendar arithmetic on the date alone, in UTC, where every day has 24 hours
function dayOf(year: number, month: number, date: number): LocalDay {
	const utc = new Date(Date.UTC(year, month, date));
	const [y, m, d] = [utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate()];
	const key = `${y}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
	return { key, year: y, month: m, date: d, weekday: utc.getUTCDay() };
}

const nextDay = (day: LocalDay) => dayOf(day.year, day.month, day.date + 1);

// a day's open spans as instants, kept per calendar: a target crossing a week reads seven days, 10,000 tickets the same few
const spanCache = new WeakMap<BusinessCalendar, Map<string, Span[]>>();

function openSpans(calendar: BusinessCalendar, day: LocalDay): Span[] {
	let cache = spanCache.get(calendar);
	if (!cache) spanCache.set(calendar, (cache = new Map()));
	let spans = cache.get(day.key);
	if (!spans) {
		const at = (minutes: number) => new TZDateMini(day.year, day.month, day.date, 0, minutes, calendar.timeZone).getTime();
		spans = calendar.holidays.has(day.key) ? [] : calendar.week[day.weekday].map(([open, close]) => [at(open), at(close)] as const);
		cache.set(day.key, spans);
	}
	return spans;
}

/** `span` without the parts covered by `pauses` (sorted by start, not overlapping). */
function withoutPauses(span: Span, pauses: readonly Span[]): Span[] {
	const out: Span[] = [];
	let [start] = span;
	const end = span[1];
	for (const [pauseStart, pauseEnd] of pauses) {
		if (pauseEnd <= start) continue;
		if (pauseStart >= end) break;
		if (pauseStart > start) out.push([start, pauseStart]);
		start = Math.max(start, pauseEnd);
		if (start >= end) return out;
	}
	out.push([start, end]);
	return out;
}

/** The business spans from `from` on, day by day, clipped and without pauses; stops after MAX_DAYS. */
function* businessSpans(calendar: BusinessCalendar, from: number, pauses: readonly Span[]): Generator<Span> {
	let day = localDay(calendar.timeZone, from);
	for (let i = 0; i < MAX_DAYS; i++, day = nextDay(day)) {
		for (const [open, close] of openSpans(calendar, day)) {
			if (close <= from) continue;
			yield* withoutPauses([Math.max(open, from), close], pauses);
		}
	}
}

/** Business minutes from `from` to `to` (0 when `to` is not after `from`). */
export function businessMinutesBetween(calendar: BusinessCalendar, from: number, to: number, pauses: readonly Span[] = []): number {
	let ms = 0;
	for (const [start, end] of businessSpans(calendar, from, pauses)) {
		if (start >= to) break;
		ms += Math.min(end, to) - start;
	}
	return Math.floor(ms / MINUTE);
}

/**
 * The instant `minutes` of business time after `from`: when a target falls
 * due. Pauses that lie ahead (known only for the past) push it later. Null when
 * the calendar has no open hours within three years.
 */
export function addBusinessMinutes(calendar: BusinessCalendar, from: number, minutes: number, pauses: readonly Span[] = []): number | null {
	let left = minutes * MINUTE;
	if (left <= 0) return from;
	for (const [start, end] of businessSpans(calendar, from, pauses)) {
		if (end - start >= left) return start + left;
		left -= end - start;
	}
	return null;
}
