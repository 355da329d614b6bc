import { describe, expect, it } from 'vitest';
import { findOverlaps } from './overlaps.js';
import { entryRecord, expenseRecord } from './schema.js';

const WEEK = '2026-W53';
const entry = (fields: object) => entryRecord(WEEK).safeParse({ id: 'e1', date: '2026-12-29', ...fields });
const message = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues.map((i) => i.message).join('; ');

describe('timesheet entries', () => {
	it('take their duration from start and end, or from minutes', () => {
		expect(entry({ startMinute: 540, endMinute: 615 }).data).toMatchObject({ minutes: 75, endMinute: 615, billable: false });
		expect(entry({ minutes: 90 }).data).toMatchObject({ minutes: 90, startMinute: null, endMinute: null });
		// a start and minutes (what a stopped timer gives) has an end
		expect(entry({ startMinute: 600, minutes: 30 }).data).toMatchObject({ endMinute: 630 });
		// start and end win over minutes that disagree
		expect(entry({ startMinute: 540, endMinute: 600, minutes: 5 }).data?.minutes).toBe(60);
	});

	it('refuse durations that make no sense, saying why', () => {
		expect(message(entry({ minutes: -30 }))).toBe('a duration cannot be negative');
		expect(message(entry({ minutes: 0 }))).toBe('a duration must be more than zero minutes');
		expect(message(entry({ startMinute: 600, endMinute: 540 }))).toBe('the end is before the start');
		expect(message(entry({ startMinute: 600, endMinute: 600 }))).toBe('the entry starts and ends at the same time');
		expect(message(entry({}))).toBe('an entry needs a start and an end, or minutes');
		expect(message(entry({ endMinute: 600 }))).toBe('an entry with an end needs a start');
		expect(message(entry({ startMinute: 1380, minutes: 120 }))).toBe('the entry runs past midnight: split it into one entry per day');
		expect(message(entry({ minutes: 1.5 }))).toBe('a duration is whole minutes');
	});

	it('refuse a date outside the document\'s week', () => {
		expect(entry({ date: '2027-01-03', minutes: 30 }).success).toBe(true);
		expect(message(entry({ date: '2027-01-04', minutes: 30 }))).toBe('the date is not in the week 2026-W53');
	});

	it('find overlapping entries within a day, not touching ones nor deleted ones', () => {
		const overlaps = findOverlaps([
			{ id: 'a', date: '2026-12-29', startMinute: 540, endMinute: 600 },
			{ id: 'b', date: '2026-12-29', startMinute: 600, endMinute: 660 },
			{ id: 'c', date: '2026-12-29', startMinute: 570, endMinute: 720 },
			{ id: 'd', date: '2026-12-30', startMinute: 570, endMinute: 720 },
			{ id: 'x', date: '2026-12-29', startMinute: 500, endMinute: 800, deletedAt: '2026-12-29T12:00:00.000Z' },
			{ id: 'm', date: '2026-12-29', startMinute: null, endMinute: null }
		]);
		expect(overlaps.map((o) => [o.a, o.b])).toEqual([['a', 'c'], ['c', 'b']]);
		expect(overlaps[0].message).toBe('on 2026-12-29, 09:00–10:00 overlaps 09:30–12:00');
	});
});

describe('timesheet expenses', () => {
	const expense = (fields: object) => expenseRecord(WEEK).safeParse({ id: 'x1', date: '2026-12-30', category: 'Parking', ...fields });
	it('need an amount above zero in minor units', () => {
		expect(expense({ amount: 1250, billable: true, markupBasisPoints: 1500 }).data).toMatchObject({ amount: 1250, markupBasisPoints: 1500, receiptFileId: null });
		expect(expense({ amount: 1250 }).data?.markupBasisPoints).toBe(0);
		expect(message(expense({}))).toBe('an expense needs an amount');
		expect(message(expense({ amount: 0 }))).toBe('an expense amount must be more than zero');
		expect(message(expense({ amount: 12.5 }))).toBe('money is a whole number of minor units');
		expect(message(expense({ amount: 100, category: ' ' }))).toBe('an expense needs a category');
		expect(message(expense({ amount: 100, date: '2026-12-27' }))).toBe('the date is not in the week 2026-W53');
	});
});
