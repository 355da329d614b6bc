import { TZDateMini } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import { addBusinessMinutes, businessMinutesBetween, type BusinessCalendar, type Span } from './business-time.js';

/**
 * The ledger's running totals against the plain way of counting: walk the
 * local days one by one, take each day's open spans, clip them, cut out the
 * pauses. Random cases across DST changes, holidays, lunch breaks and a zone
 * with a half-hour offset.
 */

function openSpansOf(calendar: BusinessCalendar, from: number, days: number): Span[] {
	const first = new TZDateMini(from, calendar.timeZone);
	const spans: Span[] = [];
	for (let i = -1; i <= days; i++) {
		const utc = new Date(Date.UTC(first.getFullYear(), first.getMonth(), first.getDate() + i));
		const key = utc.toISOString().slice(0, 10);
		if (calendar.holidays.has(key)) continue;
		for (const [open, close] of calendar.week[utc.getUTCDay()]) {
			const at = (m: number) => new TZDateMini(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate(), 0, m, calendar.timeZone).getTime();
			spans.push([at(open), at(close)]);
		}
	}
	return spans;
}

function cut(spans: Span[], pauses: Span[]): Span[] {
	return spans.flatMap(([start, end]) => {
		const out: Span[] = [];
		let s = start;
		for (const [ps, pe] of pauses) {
			if (pe <= s || ps >= end) continue;
			if (ps > s) out.push([s, ps]);
			s = Math.max(s, pe);
		}
		if (s < end) out.push([s, end]);
		return out;
	});
}

function referenceBetween(calendar: BusinessCalendar, from: number, to: number, pauses: Span[]): number {
	const days = Math.ceil((to - from) / 86_400_000) + 1;
	const ms = cut(openSpansOf(calendar, from, days), pauses).reduce((n, [s, e]) => n + Math.max(0, Math.min(e, to) - Math.max(s, from)), 0);
	return Math.floor(ms / 60_000);
}

function referenceAdd(calendar: BusinessCalendar, from: number, minutes: number, pauses: Span[]): number | null {
	let left = minutes * 60_000;
	for (const [s, e] of cut(openSpansOf(calendar, from, 60), pauses)) {
		if (e <= from) continue;
		const start = Math.max(s, from);
		if (e - start >= left) return start + left;
		left -= e - start;
	}
	return null;
}

function random(seed: number) {
	let a = seed;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), a | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const lunch = [[540, 720], [780, 1020]] as const;
const CALENDARS: BusinessCalendar[] = [
	{ timeZone: 'Europe/London', week: [[], lunch, lunch, lunch, lunch, [[540, 960]], []], holidays: new Set(['2026-03-30', '2026-04-03', '2026-10-26']) },
	{ timeZone: 'America/New_York', week: [[], [[420, 1140]], [[420, 1140]], [[420, 1140]], [[420, 1140]], [[420, 1140]], [[540, 780]]], holidays: new Set(['2026-11-26']) },
	{ timeZone: 'Asia/Kolkata', week: [[], [[570, 1110]], [[570, 1110]], [[570, 1110]], [[570, 1110]], [[570, 1110]], []], holidays: new Set() },
	{ timeZone: 'Australia/Sydney', week: Array.from({ length: 7 }, () => [[0, 1440]] as const), holidays: new Set(['2026-10-05']) }
];
// around both DST changes in Europe and America, and Australia's in April and October
const STARTS = ['2026-03-05T00:00:00Z', '2026-03-26T00:00:00Z', '2026-04-01T00:00:00Z', '2026-09-30T00:00:00Z', '2026-10-22T00:00:00Z', '2026-11-20T00:00:00Z'].map(Date.parse);

describe('the business ledger agrees with walking the days', () => {
	const rnd = random(2026);
	const cases = Array.from({ length: 300 }, (_, i) => {
		const calendar = CALENDARS[i % CALENDARS.length];
		const from = STARTS[Math.floor(rnd() * STARTS.length)] + Math.floor(rnd() * 14 * 1440) * 60_000 + Math.floor(rnd() * 60_000);
		const to = from + Math.floor(rnd() * 20 * 1440 * 60_000);
		const pauses: Span[] = [];
		let t = from - 86_400_000;
		for (let p = 0; p < Math.floor(rnd() * 4); p++) {
			const start = t + Math.floor(rnd() * 5 * 86_400_000);
			const end = start + Math.floor(rnd() * 3 * 86_400_000) + 60_000;
			pauses.push([start, end]);
			t = end + 60_000;
		}
		return { calendar, from, to, pauses, minutes: 1 + Math.floor(rnd() * 6000) };
	});

	it('in business minutes between two instants, with pauses', () => {
		for (const c of cases) expect(businessMinutesBetween(c.calendar, c.from, c.to, c.pauses), `${c.calendar.timeZone} ${new Date(c.from).toISOString()}`).toBe(referenceBetween(c.calendar, c.from, c.to, c.pauses));
	});

	it('in when a target falls due, with pauses ahead', () => {
		for (const c of cases) expect(addBusinessMinutes(c.calendar, c.from, c.minutes, c.pauses), `${c.calendar.timeZone} ${new Date(c.from).toISOString()} +${c.minutes}`).toBe(referenceAdd(c.calendar, c.from, c.minutes, c.pauses));
	});
});
