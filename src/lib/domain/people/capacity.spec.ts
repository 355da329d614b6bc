import { describe, expect, it } from 'vitest';
import { availabilityOn, availabilityOver, DEFAULT_CAPACITY, eachDate, splitMinutes, spansOverlap, timeOffOn, weekdayOf, workingDays } from './capacity.js';
import { requireDay } from '../contracts/days.js';

const PART_TIME = [240, 240, 240, 0, 0, 0, 0];

describe('capacity', () => {
	it('knows the weekday of a date, Monday first, across years', () => {
		expect(weekdayOf(requireDay('1970-01-01'))).toBe(3);
		expect(weekdayOf(requireDay('2026-12-28'))).toBe(0);
		expect(weekdayOf(requireDay('2027-01-03'))).toBe(6);
		expect(weekdayOf(requireDay('1969-12-29'))).toBe(0);
	});

	it('lists the dates of a span over a month and year end, none when it runs backwards', () => {
		expect(eachDate('2026-12-30', '2027-01-02')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
		expect(eachDate('2028-02-28', '2028-03-01')).toEqual(['2028-02-28', '2028-02-29', '2028-03-01']);
		expect(eachDate('2027-01-02', '2026-12-30')).toEqual([]);
	});

	it('takes a whole day off as the day\'s capacity, part of a day as at most that, a weekend as nothing', () => {
		const whole = { start: '2026-12-28', end: '2027-01-03', minutesPerDay: null };
		expect(timeOffOn(whole, DEFAULT_CAPACITY, '2026-12-28')).toBe(480);
		expect(timeOffOn(whole, DEFAULT_CAPACITY, '2027-01-02')).toBe(0);
		expect(timeOffOn(whole, DEFAULT_CAPACITY, '2027-01-04')).toBe(0);
		expect(timeOffOn(whole, PART_TIME, '2026-12-29')).toBe(240);
		expect(timeOffOn({ ...whole, minutesPerDay: 300 }, PART_TIME, '2026-12-28')).toBe(240);
		expect(timeOffOn({ ...whole, minutesPerDay: 120 }, DEFAULT_CAPACITY, '2026-12-28')).toBe(120);
	});

	it('never takes a day below zero when two spans share it', () => {
		const spans = [
			{ start: '2026-12-28', end: '2026-12-28', minutesPerDay: 300 },
			{ start: '2026-12-28', end: '2026-12-29', minutesPerDay: 300 }
		];
		expect(availabilityOn(DEFAULT_CAPACITY, spans, '2026-12-28')).toEqual({ capacity: 480, timeOff: 480, available: 0 });
		expect(availabilityOver(DEFAULT_CAPACITY, spans, eachDate('2026-12-28', '2027-01-03'))).toEqual({ capacity: 2400, timeOff: 780, available: 1620 });
	});

	it('counts the working days of a span: a weekend alone has none', () => {
		expect(workingDays(DEFAULT_CAPACITY, '2027-01-02', '2027-01-03')).toEqual([]);
		expect(workingDays(DEFAULT_CAPACITY, '2027-01-01', '2027-01-04')).toEqual(['2027-01-01', '2027-01-04']);
		expect(workingDays(PART_TIME, '2026-12-28', '2027-01-03')).toEqual(['2026-12-28', '2026-12-29', '2026-12-30']);
	});

	it('sees spans that share a day as overlapping, touching ones too, and not neighbours', () => {
		const a = { start: '2026-12-28', end: '2026-12-31' };
		expect(spansOverlap(a, { start: '2026-12-31', end: '2027-01-05' })).toBe(true);
		expect(spansOverlap(a, { start: '2026-12-20', end: '2027-01-05' })).toBe(true);
		expect(spansOverlap(a, { start: '2027-01-01', end: '2027-01-05' })).toBe(false);
		expect(spansOverlap(a, { start: '2026-12-01', end: '2026-12-27' })).toBe(false);
	});

	it('splits minutes into whole parts that add up, the remainder first', () => {
		expect(splitMinutes(10, 3)).toEqual([4, 3, 3]);
		expect(splitMinutes(2, 4)).toEqual([1, 1, 0, 0]);
		expect(splitMinutes(480, 1)).toEqual([480]);
		expect(splitMinutes(5, 0)).toEqual([]);
		for (const [total, parts] of [[997, 7], [1, 3], [60, 60]]) expect(splitMinutes(total, parts).reduce((a, b) => a + b, 0)).toBe(total);
	});
});
