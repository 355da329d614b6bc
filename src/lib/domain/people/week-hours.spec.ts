import { describe, expect, it } from 'vitest';
import { dayHoursText, readDayHours, readWeekHours } from './week-hours.js';

describe('working hours as typed', () => {
	it('reads whole, decimal and clock hours; empty is a day off', () => {
		expect([readDayHours('8'), readDayHours('7.5'), readDayHours('7,25'), readDayHours('7:30'), readDayHours(' '), readDayHours('0')]).toEqual([480, 450, 435, 450, 0, 0]);
	});

	it('refuses what is not hours, naming the weekday, and days over 24 hours', () => {
		const read = readWeekHours(['8', 'eight', '8', '-2', '25', '', '']);
		expect(read).toEqual({
			ok: false,
			errors: {
				Tuesday: 'Tuesday: give hours such as 8, 7.5 or 7:30 (empty for a day off).',
				Thursday: 'Thursday: give hours such as 8, 7.5 or 7:30 (empty for a day off).',
				Friday: 'Friday: a day has 24 hours at most.'
			}
		});
	});

	it('gives the seven days Monday first, and shows them back as typed', () => {
		const read = readWeekHours(['8', '8', '8', '8', '6:30', '', '']);
		expect(read).toEqual({ ok: true, minutes: [480, 480, 480, 480, 390, 0, 0] });
		expect([480, 390, 0].map(dayHoursText)).toEqual(['8', '6:30', '']);
	});
});
