import { describe, expect, it } from 'vitest';
import { elapsedMinutes, isPaused, pauseTimer, readTimer, resumeTimer, roundMinutes, startTimer, stopTimer } from './timer.js';

const utc = (time: string) => new Date(`2026-12-01T${time}Z`);
const minutes = (m: number, s = 0) => (m * 60 + s) * 1000;

describe('timer', () => {
	it('counts the time since it started, less its pauses', () => {
		let timer = startTimer(utc('09:00:00'), { ticketId: 't-1' });
		expect(elapsedMinutes(timer, utc('09:10:59'))).toBe(10);
		timer = pauseTimer(timer, utc('09:20:00'));
		expect(isPaused(timer)).toBe(true);
		// paused: time stands still
		expect(elapsedMinutes(timer, utc('09:50:00'))).toBe(20);
		// pausing twice keeps the first pause
		expect(pauseTimer(timer, utc('09:40:00'))).toBe(timer);
		timer = resumeTimer(timer, utc('10:00:00'));
		expect(elapsedMinutes(timer, utc('10:15:00'))).toBe(35);
	});

	it('keeps running across a reload: the saved state is all there is', () => {
		const timer = pauseTimer(startTimer(utc('09:00:00'), { ticketId: 't-1', billable: false }), utc('09:30:00'));
		const saved = JSON.stringify(timer);
		const back = readTimer(saved)!;
		expect(back).toEqual(timer);
		expect(elapsedMinutes(resumeTimer(back, utc('11:00:00')), utc('11:05:00'))).toBe(35);
		expect(readTimer('{"startedAt":"yesterday"}')).toBeNull();
		expect(readTimer('not json')).toBeNull();
	});

	it('never counts backwards when the device clock is set back', () => {
		const timer = startTimer(utc('09:00:00'));
		expect(elapsedMinutes(timer, utc('08:00:00'))).toBe(0);
	});

	it('rounds up to the increment, or to the nearest, with a minimum', () => {
		expect(roundMinutes(minutes(7, 30), { increment: 1, mode: 'nearest' })).toBe(8);
		expect(roundMinutes(minutes(7, 29), { increment: 1, mode: 'nearest' })).toBe(7);
		expect(roundMinutes(minutes(16), { increment: 15, mode: 'up' })).toBe(30);
		expect(roundMinutes(minutes(15), { increment: 15, mode: 'up' })).toBe(15);
		expect(roundMinutes(minutes(7), { increment: 6, mode: 'nearest' })).toBe(6);
		expect(roundMinutes(minutes(9), { increment: 6, mode: 'nearest' })).toBe(12);
		expect(roundMinutes(minutes(3), { increment: 6, mode: 'up', minimum: 15 })).toBe(15);
		expect(roundMinutes(0, { increment: 15, mode: 'up' })).toBe(0);
	});

	it('becomes an entry at its local start when stopped', () => {
		let timer = startTimer(new Date('2026-12-01T14:05:00Z'), { ticketId: 't-1', customerId: 'c-1', workRole: 'tech' });
		timer = resumeTimer(pauseTimer(timer, new Date('2026-12-01T14:30:00Z')), new Date('2026-12-01T14:45:00Z'));
		expect(stopTimer(timer, new Date('2026-12-01T15:07:00Z'), 'Europe/Berlin', { increment: 15, mode: 'up' })).toEqual([
			{ date: '2026-12-01', startMinute: 15 * 60 + 5, minutes: 60, ticketId: 't-1', taskId: null, projectId: null, customerId: 'c-1', workRole: 'tech', billable: true, notes: null }
		]);
	});

	it('splits at local midnight, so a timer left running overnight lands on both days (and weeks)', () => {
		// Sunday 3 January 2027, 23:00 in New York, to Monday 01:30: two weeks' documents
		const timer = startTimer(new Date('2027-01-04T04:00:00Z'));
		const entries = stopTimer(timer, new Date('2027-01-04T06:30:00Z'), 'America/New_York');
		expect(entries.map((e) => [e.date, e.startMinute, e.minutes])).toEqual([
			['2027-01-03', 23 * 60, 60],
			['2027-01-04', 0, 90]
		]);
	});

	it('counts real time across a DST change, and makes no entry of nothing', () => {
		// Berlin springs forward at 02:00 local on 29 March 2026: 01:30 to 03:30 local is one hour
		const timer = startTimer(new Date('2026-03-29T00:30:00Z'));
		expect(stopTimer(timer, new Date('2026-03-29T01:30:00Z'), 'Europe/Berlin')).toEqual([expect.objectContaining({ date: '2026-03-29', startMinute: 90, minutes: 60 })]);
		expect(stopTimer(timer, new Date('2026-03-29T00:30:20Z'), 'Europe/Berlin')).toEqual([]);
	});
});
