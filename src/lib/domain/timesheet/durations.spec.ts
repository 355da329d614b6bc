import { describe, expect, it } from 'vitest';
import { clockText, parseClock, parseDuration } from './durations.js';

describe('typed durations', () => {
	it.each([
		['1:30', 90],
		['90', 90],
		['1.5h', 90],
		['1,5h', 90],
		['0.25 hours', 15],
		['2h', 120],
		['1h 30m', 90],
		['1h30', 90],
		['45m', 45],
		['45 min', 45],
		[' 0:05 ', 5]
	])('%s is %i minutes', (typed, minutes) => {
		expect(parseDuration(typed)).toEqual({ ok: true, value: minutes });
	});

	it('blank is no duration', () => {
		expect(parseDuration('  ')).toEqual({ ok: true, value: null });
	});

	it('say what is wrong with the rest', () => {
		expect(parseDuration('-30')).toEqual({ ok: false, error: 'A duration cannot be negative' });
		expect(parseDuration('0')).toEqual({ ok: false, error: 'A duration must be more than zero minutes' });
		expect(parseDuration('0:00')).toEqual({ ok: false, error: 'A duration must be more than zero minutes' });
		expect(parseDuration('25h')).toEqual({ ok: false, error: 'A duration is at most 24 hours: split longer work into one entry per day' });
		for (const typed of ['abc', '1:75', 'h', '1.5x', '1:3']) expect(parseDuration(typed)).toMatchObject({ ok: false, error: 'Enter a duration such as 1:30, 90 (minutes) or 1.5h' });
	});
});

describe('typed times of day', () => {
	it.each([
		['9:00', 540],
		['09:30', 570],
		['930', 570],
		['17', 1020],
		['0', 0]
	])('%s is minute %i', (typed, minute) => {
		expect(parseClock(typed)).toEqual({ ok: true, value: minute });
	});

	it('24:00 ends a day but does not start one; nonsense is refused', () => {
		expect(parseClock('24:00', { end: true })).toEqual({ ok: true, value: 1440 });
		expect(parseClock('24:00')).toMatchObject({ ok: false });
		for (const typed of ['25:00', '9:60', 'noon', '9.30']) expect(parseClock(typed, { end: true })).toEqual({ ok: false, error: 'Enter a time of day such as 9:00 or 17:30' });
		expect(parseClock('')).toEqual({ ok: true, value: null });
	});

	it('show minutes back as a time of day', () => {
		expect(clockText(570)).toBe('09:30');
		expect(clockText(1440)).toBe('24:00');
	});
});
