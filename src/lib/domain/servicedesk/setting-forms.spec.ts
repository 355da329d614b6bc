import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from './durations.js';
import { holidaysError, isTimeZone, lines, policyInput, readCalendar, readPolicy, readQueue, readStatus, readTicketType } from './setting-forms.js';

const none: never[] = [];

describe('SLA targets as people type them', () => {
	it.each([
		['4h', 240],
		['4 hours', 240],
		['1h 30m', 90],
		['1h30m', 90],
		['1h30', 90],
		['90m', 90],
		['45 min', 45],
		['1:30', 90],
		['2.5h', 150],
		['8', 480],
		['2d', 2880],
		['', null]
	])('%s is %s minutes', (text, minutes) => {
		expect(parseDuration(text)).toEqual({ minutes });
	});

	it('says what it cannot read', () => {
		expect(parseDuration('soon')).toEqual({ error: '“soon” is not a time such as 4h, 1h 30m or 45m' });
		expect(parseDuration('0m')).toEqual({ error: 'A target is at least 1 minute; leave it blank for none' });
		expect(parseDuration('0.5m')).toEqual({ error: 'Use whole minutes, such as 1h 30m' });
		expect(parseDuration('400d')).toEqual({ error: 'A target is at most a year' });
	});

	it('shows minutes back the way they are typed', () => {
		expect([45, 60, 90, 240, 2880, null].map(formatDuration)).toEqual(['45m', '1h', '1h 30m', '4h', '48h', '']);
		for (const minutes of [1, 59, 61, 1439, 525_600]) expect(parseDuration(formatDuration(minutes))).toEqual({ minutes });
	});
});

describe('settings forms', () => {
	const queues = [
		{ id: 'triage', name: 'Triage', deletedAt: null },
		{ id: 'q1', name: 'Dispatch', deletedAt: null },
		{ id: 'q2', name: 'Old', deletedAt: '2026-01-01T00:00:00.000Z' }
	];

	it('needs a name no live record of the collection has', () => {
		expect(readQueue({ name: '  Immediate Attention ' }, queues)).toEqual({ ok: true, fields: { name: 'Immediate Attention' } });
		expect(readQueue({ name: '' }, queues)).toEqual({ ok: false, errors: { name: 'Give the queue a name' } });
		expect(readQueue({ name: 'dispatch' }, queues)).toEqual({ ok: false, errors: { name: 'There is already a queue named dispatch' } });
		// its own name, and the name of a deleted one, are fine
		expect(readQueue({ name: 'Dispatch' }, queues, 'q1').ok).toBe(true);
		expect(readQueue({ name: 'Old' }, queues).ok).toBe(true);
		expect(readQueue({ name: 'x'.repeat(121) }, queues)).toEqual({ ok: false, errors: { name: 'Keep the name under 120 characters' } });
	});

	it('reads a status that pauses the clock, and refuses one that is both done and pausing', () => {
		expect(readStatus({ name: 'Waiting on vendor', pausesSla: 'on', done: '' }, none)).toEqual({ ok: true, fields: { name: 'Waiting on vendor', pausesSla: true, done: false } });
		expect(readStatus({ name: 'Odd', pausesSla: 'on', done: 'on' }, none)).toEqual({
			ok: false,
			errors: { pausesSla: 'A done status stops the clock for good; it cannot also pause it' }
		});
		expect(readStatus({ name: 'New', done: 'on' }, none, 'new')).toEqual({ ok: false, errors: { done: 'New tickets start in this status: it cannot be a done one' } });
	});

	it('keeps sub-types and questions as lines, without blanks or repeats', () => {
		expect(lines(' a \n\n b\na\n')).toBe('a\nb');
		expect(lines('  \n')).toBeNull();
		const read = readTicketType({ name: 'New user', subTypes: 'Laptop\n\nMailbox only', questions: 'Start date?\nWhich office?\n', portal: 'on' }, none);
		expect(read).toEqual({ ok: true, fields: { name: 'New user', subTypes: 'Laptop\nMailbox only', questions: 'Start date?\nWhich office?', portal: true } });
		expect(readTicketType({ name: 'Long', questions: 'q'.repeat(301) }, none)).toEqual({ ok: false, errors: { questions: 'Keep each of the questions under 300 characters' } });
	});

	it('checks a calendar’s zone, hours and holidays', () => {
		const good = { name: 'Office', timeZone: 'Europe/Berlin', hours: 'Mon-Fri 09:00-17:00', holidays: '2026-12-25 Christmas\n2026-12-26' };
		expect(readCalendar(good, none)).toEqual({ ok: true, fields: { ...good } });
		expect(readCalendar({ ...good, holidays: '' }, none)).toMatchObject({ ok: true, fields: { holidays: null } });
		expect(readCalendar({ name: 'Bad', timeZone: 'Mars/Olympus', hours: 'Mon 9-5', holidays: 'Christmas' }, none)).toEqual({
			ok: false,
			errors: {
				timeZone: 'Pick a time zone such as Europe/Berlin or America/New_York',
				hours: '“9-5” is not a span such as 09:00-17:00',
				holidays: '“Christmas” has no date such as 2026-12-25'
			}
		});
		expect(readCalendar({ ...good, hours: '' }, none)).toMatchObject({ errors: { hours: 'Enter the opening hours, such as Mon-Fri 09:00-17:00' } });
		expect(holidaysError('2026-02-30')).toBe('2026-02-30 is not a date (YYYY-MM-DD)');
		expect(isTimeZone('America/New_York')).toBe(true);
		expect(isTimeZone('')).toBe(false);
	});

	it('reads a policy’s targets per priority in minutes, with its calendar', () => {
		const calendars = [{ id: 'cal', name: 'Office', deletedAt: null }];
		const input = { name: 'Premier', calendarId: 'cal', isDefault: 'on', firstResponseCritical: '15m', resolutionCritical: '4h', firstResponseHigh: '1h', resolutionHigh: '1d' };
		const read = readPolicy(input, none, calendars);
		expect(read).toEqual({
			ok: true,
			fields: {
				name: 'Premier',
				calendarId: 'cal',
				isDefault: true,
				firstResponseLow: null,
				resolutionLow: null,
				firstResponseNormal: null,
				resolutionNormal: null,
				firstResponseHigh: 60,
				resolutionHigh: 1440,
				firstResponseCritical: 15,
				resolutionCritical: 240
			}
		});
		// the form shows the targets as they were typed (in normal form)
		if (read.ok) expect(policyInput({ id: 'p', deletedAt: null, ...read.fields } as never)).toMatchObject({ firstResponseCritical: '15m', resolutionHigh: '24h', resolutionLow: '', isDefault: 'on' });
		expect(readPolicy({ name: 'X', calendarId: 'gone', firstResponseLow: '8h', resolutionLow: '4h', firstResponseNormal: 'asap' }, none, calendars)).toEqual({
			ok: false,
			errors: {
				calendarId: 'Pick one of the calendars',
				resolutionLow: 'Resolution cannot come before the first response',
				firstResponseNormal: '“asap” is not a time such as 4h, 1h 30m or 45m'
			}
		});
	});
});
