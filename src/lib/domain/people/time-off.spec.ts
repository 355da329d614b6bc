import { describe, expect, it } from 'vitest';
import { capacityInput, decisionInput, timeOffForm, timeOffInput } from './time-off.js';

const messages = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
	Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));

describe('a time-off request as typed', () => {
	it('takes whole days or minutes a day, with a note or none', () => {
		expect(timeOffInput.parse({ kind: 'vacation', start: '2026-12-28', end: '2027-01-01' })).toEqual({ kind: 'vacation', start: '2026-12-28', end: '2027-01-01', note: null, minutesPerDay: null });
		expect(timeOffInput.parse({ kind: 'sick', start: '2026-12-28', end: '2026-12-28', minutesPerDay: 240, note: '  dentist ' })).toMatchObject({ minutesPerDay: 240, note: 'dentist' });
	});

	it('refuses a last day before the first, dates that do not exist, a span over a year and unknown kinds, each with its own message', () => {
		expect(messages(timeOffInput.safeParse({ kind: 'vacation', start: '2026-12-28', end: '2026-12-27' }))).toEqual({ end: 'The last day is before the first.' });
		expect(messages(timeOffInput.safeParse({ kind: 'vacation', start: '2026-02-29', end: '2026-03-01' }))).toEqual({ start: 'Give the first day as a date like 2026-12-24.' });
		expect(messages(timeOffInput.safeParse({ kind: 'vacation', start: '2026-01-01', end: '2027-01-02' }))).toEqual({ end: 'Ask for at most a year at a time.' });
		expect(messages(timeOffInput.safeParse({ kind: 'holiday', start: '2026-12-28', end: '2026-12-28' }))).toEqual({ kind: 'Pick vacation, sick, personal or other.' });
		expect(messages(timeOffInput.safeParse({ kind: 'sick' }))).toEqual({ start: 'Give the first day.', end: 'Give the last day.' });
		expect(messages(timeOffInput.safeParse({ kind: 'sick', start: '2026-12-28', end: '2026-12-28', minutesPerDay: -60 }))).toEqual({ minutesPerDay: 'Part of a day is at least 15 minutes.' });
		expect(messages(timeOffInput.safeParse({ kind: 'sick', start: '2026-12-28', end: '2026-12-28', userId: 'not-a-person' }))).toEqual({ userId: 'No such person in this company.' });
	});

	it('reads the form\'s hours a day, blank for whole days, and says what is wrong with bad hours', () => {
		const form = { kind: 'personal', start: '2026-12-28', end: '2026-12-29', userId: '', note: '' };
		expect(timeOffForm.parse({ ...form, hoursPerDay: '' })).toEqual({ kind: 'personal', start: '2026-12-28', end: '2026-12-29', note: null, minutesPerDay: null });
		expect(timeOffForm.parse({ ...form, hoursPerDay: '3,5' }).minutesPerDay).toBe(210);
		expect(messages(timeOffForm.safeParse({ ...form, hoursPerDay: 'four' }))).toEqual({ hoursPerDay: 'Give the hours a day as a number like 4 or 3.5, or leave it empty for whole days.' });
		expect(messages(timeOffForm.safeParse({ ...form, hoursPerDay: '0' }))).toEqual({ hoursPerDay: 'Give between 0.25 and 24 hours a day.' });
		expect(messages(timeOffForm.safeParse({ ...form, hoursPerDay: '25' }))).toEqual({ hoursPerDay: 'Give between 0.25 and 24 hours a day.' });
	});

	it('keeps markup in a note as the text it is', () => {
		const note = '<img src=x onerror=alert(1)>\'; DROP TABLE time_off_requests; --';
		expect(timeOffInput.parse({ kind: 'other', start: '2026-12-28', end: '2026-12-28', note }).note).toBe(note);
	});
});

describe('a decision and a capacity as typed', () => {
	it('makes an empty comment none', () => {
		expect(decisionInput.parse({ comment: '   ' })).toEqual({ comment: null });
		expect(decisionInput.parse({})).toEqual({ comment: null });
	});

	it('wants seven whole, non-negative minutes of at most a day', () => {
		expect(capacityInput.parse({ minutes: [480, 480, 480, 480, 240, 0, 0] }).minutes).toHaveLength(7);
		expect(capacityInput.safeParse({ minutes: [480, 480] }).success).toBe(false);
		expect(messages(capacityInput.safeParse({ minutes: [480, 480, 480, 480, -1, 0, 0] }))).toEqual({ 'minutes.4': 'Minutes cannot be negative.' });
		expect(messages(capacityInput.safeParse({ minutes: [1441, 0, 0, 0, 0, 0, 0] }))).toEqual({ 'minutes.0': 'A day has 1440 minutes.' });
	});
});
