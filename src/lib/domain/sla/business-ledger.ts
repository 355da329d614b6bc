import { TZDateMini } from '@date-fns/tz';
import type { BusinessCalendar, Span } from './business-time.js';

/**
 * A calendar's business time as running totals, one entry per local day:
 * the business milliseconds before any instant come from a binary search and
 * the day's two or three spans, instead of walking every day since a ticket
 * was opened. Ten thousand tickets under one calendar share one ledger, built
 * once (each day's midnight and opening spans in the calendar's own zone,
 * so 9:00 stays 9:00 across a DST change) and extended as instants need.
 */

interface LocalDay {
	key: string;
	year: number;
	month: number;
	date: number;
	weekday: number;
}

interface DayEntry {
	/** the instants of local midnight and of the next one */
	start: number;
	end: number;
	/** open spans as instants, holidays empty */
	spans: Span[];
	/** business ms from the ledger's first day to this day's start (may be negative: days are added before it too) */
	before: number;
	/** business ms in the day */
	total: number;
	day: LocalDay;
}

// calendar arithmetic on the date alone, in UTC, where every day has 24 hours
function dayOf(year: number, month: number, date: number): LocalDay {
	const utc = new Date(Date.UTC(year, month, date));
	const [y, m, d] = [utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate()];
	const key = `${y}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
	return { key, year: y, month: m, date: d, weekday: utc.getUTCDay() };
}

export class BusinessLedger {
	private readonly days: DayEntry[] = [];

	constructor(private readonly calendar: BusinessCalendar) {}

	/** Business ms from the ledger's origin to `t`: differences of two readings are business time. */
	at(t: number): number {
		const entry = this.days[this.indexOf(t)];
		let ms = entry.before;
		for (const [open, close] of entry.spans) {
			if (t <= open) break;
			ms += Math.min(t, close) - open;
		}
		return ms;
	}

	/**
	 * The earliest instant whose reading is `reading`, searching no further
	 * than `limit`; null when the calendar has not that much business time before it.
	 */
	instantOf(reading: number, limit: number): number | null {
		// days are added only as far as the reading needs (a calendar with no hours: up to the limit)
		const reached = () => this.days.at(-1)!.before + this.days.at(-1)!.total >= reading;
		while (!reached() && this.days.at(-1)!.end <= limit) this.append();
		if (!reached()) return null;
		let [lo, hi] = [0, this.days.length - 1];
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (this.days[mid].before + this.days[mid].total >= reading) hi = mid;
			else lo = mid + 1;
		}
		const entry = this.days[lo];
		let ms = entry.before;
		for (const [open, close] of entry.spans) {
			if (ms + (close - open) >= reading) return open + (reading - ms) <= limit ? open + (reading - ms) : null;
			ms += close - open;
		}
		return null;
	}

	/** The index of the day holding `t`, adding days before or after as needed. */
	private indexOf(t: number): number {
		if (this.days.length === 0) {
			const d = new TZDateMini(t, this.calendar.timeZone);
			this.days.push(this.entry(dayOf(d.getFullYear(), d.getMonth(), d.getDate()), 0));
		}
		while (t < this.days[0].start) this.prepend();
		while (t >= this.days[this.days.length - 1].end) this.append();
		let [lo, hi] = [0, this.days.length - 1];
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if (this.days[mid].start <= t) lo = mid;
			else hi = mid - 1;
		}
		return lo;
	}

	private append() {
		const last = this.days.at(-1)!;
		this.days.push(this.entry(dayOf(last.day.year, last.day.month, last.day.date + 1), last.before + last.total));
	}

	private prepend() {
		const first = this.days[0];
		const entry = this.entry(dayOf(first.day.year, first.day.month, first.day.date - 1), 0);
		entry.before = first.before - entry.total;
		this.days.unshift(entry);
	}

	private midnight(day: LocalDay): number {
		return new TZDateMini(day.year, day.month, day.date, 0, 0, this.calendar.timeZone).getTime();
	}

	private entry(day: LocalDay, before: number): DayEntry {
		const at = (minutes: number) => new TZDateMini(day.year, day.month, day.date, 0, minutes, this.calendar.timeZone).getTime();
		const spans = this.calendar.holidays.has(day.key) ? [] : this.calendar.week[day.weekday].map(([open, close]) => [at(open), at(close)] as const);
		const end = this.midnight(dayOf(day.year, day.month, day.date + 1));
		return { start: this.midnight(day), end, spans, before, total: spans.reduce((n, [open, close]) => n + close - open, 0), day };
	}
}

const ledgers = new WeakMap<BusinessCalendar, BusinessLedger>();

/** The calendar's ledger, kept as long as the calendar object lives. */
export function ledgerOf(calendar: BusinessCalendar): BusinessLedger {
	let ledger = ledgers.get(calendar);
	if (!ledger) ledgers.set(calendar, (ledger = new BusinessLedger(calendar)));
	return ledger;
}

/** Business ms of `pauses` (sorted, not overlapping) that fall within [from, to). */
export function pausedWithin(ledger: BusinessLedger, from: number, to: number, pauses: readonly Span[]): number {
	let ms = 0;
	for (const [start, end] of pauses) {
		const [s, e] = [Math.max(start, from), Math.min(end, to)];
		if (e > s) ms += ledger.at(e) - ledger.at(s);
	}
	return ms;
}
