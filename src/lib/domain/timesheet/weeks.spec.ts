import { describe, expect, it } from 'vitest';
import { isWeek, nextWeek, parseWeek, previousWeek, timesheetDocName, weekContains, weekDays, weekOfDate, weekOfInstant, weekSpan } from './weeks.js';

describe('ISO weeks', () => {
	it('put the days around new year in the week their Thursday decides', () => {
		expect(weekOfDate('2026-12-31')).toBe('2026-W53');
		expect(weekOfDate('2027-01-01')).toBe('2026-W53');
		expect(weekOfDate('2027-01-03')).toBe('2026-W53');
		expect(weekOfDate('2027-01-04')).toBe('2027-W01');
		expect(weekOfDate('2020-12-31')).toBe('2020-W53');
		expect(weekOfDate('2021-01-03')).toBe('2020-W53');
		// a Monday 29 December already belongs to next year's week 1
		expect(weekOfDate('2025-12-29')).toBe('2026-W01');
		expect(weekOfDate('2024-12-30')).toBe('2025-W01');
	});

	it('know which years have a week 53', () => {
		expect(parseWeek('2026-W53')).toEqual({ year: 2026, week: 53 });
		expect(parseWeek('2020-W53')).toEqual({ year: 2020, week: 53 });
		expect(isWeek('2027-W53')).toBe(false);
		expect(isWeek('2026-W00')).toBe(false);
		expect(isWeek('2026-W1')).toBe(false);
		expect(isWeek('2026-53')).toBe(false);
	});

	it('list a week\'s days Monday first, across the year boundary', () => {
		expect(weekDays('2026-W53')).toEqual(['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']);
		expect(weekDays('2020-W53')[0]).toBe('2020-12-28');
		expect(weekDays('2026-W01')[0]).toBe('2025-12-29');
		expect(weekContains('2026-W53', '2027-01-03')).toBe(true);
		expect(weekContains('2026-W53', '2027-01-04')).toBe(false);
		expect(weekContains('2026-W53', 'tomorrow')).toBe(false);
	});

	it('step to the next and previous week over 52- and 53-week years', () => {
		expect(nextWeek('2026-W52')).toBe('2026-W53');
		expect(nextWeek('2026-W53')).toBe('2027-W01');
		expect(nextWeek('2027-W52')).toBe('2028-W01');
		expect(previousWeek('2027-W01')).toBe('2026-W53');
		expect(previousWeek('2021-W01')).toBe('2020-W53');
		expect(previousWeek('2026-W10')).toBe('2026-W09');
	});

	it('take an instant\'s week where the tenant is', () => {
		// Sunday 3 January 2027, 23:30 in New York is already Monday in UTC
		expect(weekOfInstant('2027-01-04T04:30:00.000Z', 'America/New_York')).toBe('2026-W53');
		expect(weekOfInstant('2027-01-04T04:30:00.000Z', 'UTC')).toBe('2027-W01');
		// Monday 4 January 2027, 08:00 in Sydney is still Sunday in UTC
		expect(weekOfInstant('2027-01-03T21:00:00.000Z', 'Australia/Sydney')).toBe('2027-W01');
		expect(weekOfInstant('2027-01-03T21:00:00.000Z', 'UTC')).toBe('2026-W53');
		// an unknown zone counts as UTC rather than failing
		expect(weekOfInstant('2027-01-03T21:00:00.000Z', 'Mars/Olympus')).toBe('2026-W53');
	});

	it('span the local week in instants, an hour short when the clocks go forward', () => {
		// Europe moves to summer time on Sunday 29 March 2026, in week 13
		const dst = weekSpan('2026-W13', 'Europe/Berlin');
		expect(dst.start.toISOString()).toBe('2026-03-22T23:00:00.000Z');
		expect(dst.end.toISOString()).toBe('2026-03-29T22:00:00.000Z');
		expect((dst.end.getTime() - dst.start.getTime()) / 3_600_000).toBe(167);
		// the last minute before Monday local time is still that week; Monday 00:30 CEST is the next
		expect(weekOfInstant('2026-03-29T21:59:00.000Z', 'Europe/Berlin')).toBe('2026-W13');
		expect(weekOfInstant('2026-03-29T22:30:00.000Z', 'Europe/Berlin')).toBe('2026-W14');
		// New York falls back on 1 November 2026 (week 44): 169 hours
		const back = weekSpan('2026-W44', 'America/New_York');
		expect((back.end.getTime() - back.start.getTime()) / 3_600_000).toBe(169);
	});

	it('name a person\'s week document, and refuse a week that does not exist', () => {
		const tenant = '01a20000-0000-7000-8000-0000000000aa';
		expect(timesheetDocName(tenant, 'u-1', '2026-W53')).toBe(`${tenant}:timesheet:u-1:2026-W53`);
		expect(() => timesheetDocName(tenant, 'u-1', '2027-W53')).toThrow(/ISO week/);
		expect(() => weekOfDate('2026-02-30')).toThrow(/calendar date/);
	});
});
