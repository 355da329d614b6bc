import { describe, expect, it } from 'vitest';
import { addBusinessMinutes, ALWAYS_OPEN, businessMinutesBetween, weekdays, type BusinessCalendar, type Span } from './business-time.js';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

// New York, Monday to Friday 9:00–17:00, Christmas Day closed
const newYork = weekdays('America/New_York', 9 * 60, 17 * 60, ['2026-12-25']);

/** Worked cases: from, target minutes, pauses → when it falls due. */
const DUE: { what: string; calendar: BusinessCalendar; from: string; minutes: number; pauses?: [string, string][]; due: string | null }[] = [
	{ what: 'inside one day', calendar: newYork, from: '2026-01-12T14:00:00Z', minutes: 240, due: '2026-01-12T18:00:00.000Z' },
	{ what: 'before opening starts at 9:00', calendar: newYork, from: '2026-01-12T12:00:00Z', minutes: 60, due: '2026-01-12T15:00:00.000Z' },
	{ what: 'after closing starts the next morning', calendar: newYork, from: '2026-01-12T23:30:00Z', minutes: 30, due: '2026-01-13T14:30:00.000Z' },
	{ what: 'across a weekend (Fri 16:00 + 2 h = Mon 10:00)', calendar: newYork, from: '2026-01-09T21:00:00Z', minutes: 120, due: '2026-01-12T15:00:00.000Z' },
	{ what: 'across a holiday and a weekend (Thu 24 Dec 16:00 + 2 h = Mon 28 Dec 10:00)', calendar: newYork, from: '2026-12-24T21:00:00Z', minutes: 120, due: '2026-12-28T15:00:00.000Z' },
	{ what: 'across the spring DST change (9:00 is then 13:00Z, not 14:00Z)', calendar: newYork, from: '2026-03-06T21:00:00Z', minutes: 120, due: '2026-03-09T14:00:00.000Z' },
	{ what: 'across the autumn DST change', calendar: newYork, from: '2026-10-30T20:00:00Z', minutes: 120, due: '2026-11-02T15:00:00.000Z' },
	{ what: 'a pause inside the day pushes it later', calendar: newYork, from: '2026-01-12T14:00:00Z', minutes: 240, pauses: [['2026-01-12T15:00:00Z', '2026-01-12T16:30:00Z']], due: '2026-01-12T19:30:00.000Z' },
	{ what: 'a pause over the weekend changes nothing', calendar: newYork, from: '2026-01-09T21:00:00Z', minutes: 120, pauses: [['2026-01-10T00:00:00Z', '2026-01-11T23:00:00Z']], due: '2026-01-12T15:00:00.000Z' },
	{ what: 'a target of several days', calendar: newYork, from: '2026-01-12T14:00:00Z', minutes: 3 * 8 * 60, due: '2026-01-14T22:00:00.000Z' },
	{ what: 'round the clock counts the night', calendar: ALWAYS_OPEN, from: '2026-01-09T21:00:00Z', minutes: 120, due: '2026-01-09T23:00:00.000Z' },
	{ what: 'a calendar with no hours never falls due', calendar: { timeZone: 'UTC', week: [[], [], [], [], [], [], []], holidays: new Set() }, from: '2026-01-09T21:00:00Z', minutes: 60, due: null }
];

describe('addBusinessMinutes', () => {
	for (const c of DUE) {
		it(c.what, () => {
			const pauses = (c.pauses ?? []).map(([s, e]) => [at(s), at(e)] as Span);
			expect(iso(addBusinessMinutes(c.calendar, at(c.from), c.minutes, pauses))).toBe(c.due);
		});
	}

	it('counts a lunch break as closed', () => {
		const withLunch: BusinessCalendar = { timeZone: 'Europe/London', week: [[], [[540, 720], [780, 1020]], [], [], [], [], []], holidays: new Set() };
		// Monday 2 Feb 2026, London is on UTC: 11:00 + 2 h = 14:00 (13:00 + 1 h after lunch)
		expect(iso(addBusinessMinutes(withLunch, at('2026-02-02T11:00:00Z'), 120))).toBe('2026-02-02T14:00:00.000Z');
	});
});

describe('businessMinutesBetween', () => {
	it('is the inverse of adding, across a weekend, a holiday and a DST change', () => {
		for (const c of DUE.filter((c) => c.due)) {
			const pauses = (c.pauses ?? []).map(([s, e]) => [at(s), at(e)] as Span);
			expect(businessMinutesBetween(c.calendar, at(c.from), at(c.due!), pauses), c.what).toBe(c.minutes);
		}
	});

	it('counts the real minutes of a 23-hour day round the clock', () => {
		const london = { ...ALWAYS_OPEN, timeZone: 'Europe/London' };
		expect(businessMinutesBetween(london, at('2026-03-28T12:00:00Z'), at('2026-03-29T12:00:00Z'))).toBe(24 * 60);
	});

	it('is zero backwards and outside opening hours', () => {
		expect(businessMinutesBetween(newYork, at('2026-01-12T18:00:00Z'), at('2026-01-12T14:00:00Z'))).toBe(0);
		expect(businessMinutesBetween(newYork, at('2026-01-10T14:00:00Z'), at('2026-01-11T20:00:00Z'))).toBe(0);
	});
});
