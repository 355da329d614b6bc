import { describe, expect, it } from 'vitest';
import { ALWAYS_OPEN } from '../sla/business-time.js';
import { businessCalendar, isTimeZone, parseHolidays, parseHours, slaPolicy } from './hours.js';
import { DEFAULT_STATUS_RECORDS } from './settings.js';

describe('parseHours', () => {
	it('reads days and spans as people write them', () => {
		const hours = parseHours('Mon-Fri 08:00-12:00, 13:00-17:00; Sat 09:00-12:00');
		expect(hours).toEqual({ week: [[], [[480, 720], [780, 1020]], [[480, 720], [780, 1020]], [[480, 720], [780, 1020]], [[480, 720], [780, 1020]], [[480, 720], [780, 1020]], [[540, 720]]] });
	});

	it('takes round the clock, a wrap over the weekend, lists of days and midnight as 24:00', () => {
		expect(parseHours('24x7')).toEqual({ week: Array.from({ length: 7 }, () => [[0, 1440]]) });
		expect(parseHours('Fri-Mon 00:00-24:00')).toEqual({ week: [[[0, 1440]], [[0, 1440]], [], [], [], [[0, 1440]], [[0, 1440]]] });
		expect(parseHours('Mon,Wed 10:00-11:00\nTuesday 09:30-10:00')).toMatchObject({ week: [[], [[600, 660]], [[570, 600]], [[600, 660]], [], [], []] });
	});

	it('says what it cannot read', () => {
		expect(parseHours('Someday 09:00-17:00')).toEqual({ error: '“Someday 09:00-17:00” does not start with days such as Mon-Fri' });
		expect(parseHours('Mon 17:00-09:00')).toEqual({ error: '“17:00-09:00” is not a span such as 09:00-17:00' });
		expect(parseHours('Mon 9-5')).toEqual({ error: '“9-5” is not a span such as 09:00-17:00' });
	});
});

describe('calendars and policies', () => {
	it('reads holidays from any text, and falls back to round the clock for hours it cannot read', () => {
		expect([...parseHolidays('2026-12-25 2026-12-26\nNew year: 2027-01-01')]).toEqual(['2026-12-25', '2026-12-26', '2027-01-01']);
		const broken = businessCalendar({ id: 'k', name: 'Broken', timeZone: 'UTC', hours: 'whenever', holidays: null, deletedAt: null });
		expect(broken.week.every((d) => d.length === 1 && d[0][1] === 1440)).toBe(true);
	});

	it('makes an SLA policy with targets per priority and the statuses that pause and end the clock', () => {
		const calendar = { id: 'k', name: 'Office', timeZone: 'Europe/London', hours: 'Mon-Fri 09:00-17:30', holidays: '2026-12-25', deletedAt: null };
		const policy = slaPolicy(
			{ id: 'p', name: 'Standard', calendarId: 'k', isDefault: true, firstResponseLow: null, resolutionLow: null, firstResponseNormal: 240, resolutionNormal: 2400, firstResponseHigh: 60, resolutionHigh: 480, firstResponseCritical: 15, resolutionCritical: 240, deletedAt: null },
			calendar,
			DEFAULT_STATUS_RECORDS.map((s) => ({ ...s, deletedAt: null }))
		);
		expect(policy.targets.critical).toEqual({ firstResponse: 15, resolution: 240 });
		expect(policy.targets.low).toEqual({ firstResponse: null, resolution: null });
		expect([...policy.pausedStatuses]).toEqual(['waiting-on-customer']);
		expect([...policy.doneStatuses]).toEqual(['resolved', 'closed']);
		expect(policy.calendar.timeZone).toBe('Europe/London');
		expect(policy.calendar.holidays.has('2026-12-25')).toBe(true);
	});

	it('counts round the clock for a calendar whose zone does not exist, rather than failing every clock under it', () => {
		const calendar = { id: 'k', name: 'Typo', timeZone: 'Europe/Londn', hours: 'Mon-Fri 09:00-17:00', holidays: null, deletedAt: null };
		expect(isTimeZone('Europe/Londn')).toBe(false);
		expect(isTimeZone('America/New_York')).toBe(true);
		expect(businessCalendar(calendar)).toBe(ALWAYS_OPEN);
	});
});
