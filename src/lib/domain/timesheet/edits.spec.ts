import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { upsertRecord } from '../documents/shape.js';
import { stampApproval } from './approval.js';
import { addEntry, addExpense, copyLastWeek, expenseProblems, removeEntry, removeExpense, submitTimesheet, updateEntry, type Sheet } from './edits.js';
import { projectTimesheet } from './projection.js';

const TENANT = '01a20000-0000-7000-8000-0000000000aa';
const USER = '01a20000-0000-7000-8000-000000000001';
const now = new Date('2026-12-30T17:00:00.000Z');
const sheet = (week: string): Sheet => ({ doc: new Y.Doc(), userId: USER, week });
const project = (s: Sheet) => projectTimesheet(`${TENANT}:timesheet:${USER}:${s.week}`, s.doc);

describe('timesheet edits', () => {
	it('add an entry to a new week, making the week\'s entity', () => {
		const week = sheet('2026-W53');
		const result = addEntry(week, { date: '2026-12-29', startMinute: 540, endMinute: 600, ticketId: 't-1' }, now);
		expect(result.ok).toBe(true);
		const projected = project(week);
		expect(projected.problems).toEqual([]);
		expect(projected.timesheets[0]).toMatchObject({ status: 'open', userId: USER });
		expect(projected.timeEntries[0]).toMatchObject({ minutes: 60, billable: true, ticketId: 't-1', createdAt: now.toISOString() });
	});

	it('refuse what does not hold, saying why, and write nothing', () => {
		const week = sheet('2026-W53');
		expect(addEntry(week, { date: '2026-12-29', minutes: -15 })).toEqual({ ok: false, errors: ['a duration cannot be negative'] });
		expect(addEntry(week, { date: '2027-01-05', minutes: 15 })).toEqual({ ok: false, errors: ['the date is not in the week 2026-W53'] });
		expect(addExpense(week, { date: '2026-12-29', category: 'Fuel', amount: null })).toEqual({ ok: false, errors: ['an expense needs an amount'] });
		// asked before a receipt is kept: the same reasons, nothing written
		expect(expenseProblems(week, { date: '2026-12-29', category: '', amount: 0 })).toEqual(['an expense needs a category', 'an expense amount must be more than zero']);
		expect(expenseProblems(week, { date: '2026-12-29', category: 'Fuel', amount: 100 })).toEqual([]);
		addEntry(week, { date: '2026-12-29', startMinute: 540, endMinute: 600 });
		expect(addEntry(week, { date: '2026-12-29', startMinute: 570, endMinute: 630 })).toEqual({ ok: false, errors: ['on 2026-12-29, 09:00–10:00 overlaps 09:30–10:30'] });
		expect(project(week).timeEntries).toHaveLength(1);
		expect(week.doc.getMap('expenses').size).toBe(0);
	});

	it('update an entry as a whole, and remove one by marking it deleted', () => {
		const week = sheet('2026-W53');
		const a = addEntry(week, { date: '2026-12-29', startMinute: 540, endMinute: 600 });
		const b = addEntry(week, { date: '2026-12-29', startMinute: 600, endMinute: 660 });
		if (!a.ok || !b.ok) throw new Error('not added');
		expect(updateEntry(week, b.id, { startMinute: 590 })).toEqual({ ok: false, errors: ['on 2026-12-29, 09:00–10:00 overlaps 09:50–11:00'] });
		expect(updateEntry(week, b.id, { endMinute: 550 })).toEqual({ ok: false, errors: ['the end is before the start'] });
		expect(updateEntry(week, b.id, { minutes: 30, notes: 'shorter' })).toEqual({ ok: true, id: b.id });
		expect(project(week).timeEntries.find((e) => e.id === b.id)).toMatchObject({ startMinute: 600, endMinute: 630, minutes: 30, notes: 'shorter' });
		removeEntry(week, a.id, now);
		// the removed one no longer blocks its time
		expect(updateEntry(week, b.id, { startMinute: 540, endMinute: 600 }).ok).toBe(true);
		expect(project(week).timeEntries.map((e) => [e.id, e.deletedAt])).toEqual([[a.id, now.toISOString()], [b.id, null]]);
		expect(updateEntry(week, a.id, { minutes: 5 })).toEqual({ ok: false, errors: ['that entry is not in this week'] });
	});

	it('mend an entry that a client which skipped the checks broke', () => {
		const week = sheet('2026-W53');
		const added = addEntry(week, { date: '2026-12-29', startMinute: 540, endMinute: 600 });
		if (!added.ok) throw new Error('not added');
		upsertRecord(week.doc, 'entries', added.id, { endMinute: 500 });
		expect(project(week).problems).toHaveLength(1);
		expect(updateEntry(week, added.id, { endMinute: 570 })).toEqual({ ok: true, id: added.id });
		expect(project(week).problems).toEqual([]);
		expect(project(week).timeEntries[0].minutes).toBe(30);
	});

	it('add an expense in minor units', () => {
		const week = sheet('2026-W53');
		const result = addExpense(week, { date: '2026-12-30', category: 'Parking', amount: 1250, billable: true, markupBasisPoints: 1500, receiptFileId: 'f-1' }, now);
		expect(result.ok).toBe(true);
		expect(project(week).expenses[0]).toMatchObject({ amount: 1250, markupBasisPoints: 1500, receiptFileId: 'f-1', deletedAt: null });
	});

	it('copy last week onto the same weekdays, across the year, without doubling what is there', () => {
		const last = sheet('2026-W53');
		addEntry(last, { date: '2026-12-28', startMinute: 480, endMinute: 540, customerId: 'c-1', workRole: 'tech' });
		addEntry(last, { date: '2027-01-01', minutes: 30, notes: 'standup' });
		const removed = addEntry(last, { date: '2027-01-02', minutes: 60 });
		if (removed.ok) removeEntry(last, removed.id);
		const next = sheet('2027-W01');
		addEntry(next, { date: '2027-01-04', startMinute: 500, endMinute: 520 });
		const copied = copyLastWeek(last, next, now);
		if (!copied.ok) throw new Error('not copied');
		const made = copied.ids;
		expect(made).toHaveLength(1);
		expect(project(next).timeEntries.filter((e) => made.includes(e.id)).map((e) => [e.date, e.minutes, e.notes])).toEqual([['2027-01-08', 30, 'standup']]);
		expect(copyLastWeek(last, sheet('2027-W01'))).toMatchObject({ ok: true, ids: [expect.any(String), expect.any(String)] });
	});

	it('submit a week, not while entries overlap', () => {
		const week = sheet('2026-W53');
		addEntry(week, { date: '2026-12-29', minutes: 60 });
		expect(submitTimesheet(week, now)).toEqual({ ok: true, id: `${USER}-2026-W53` });
		expect(project(week).timesheets[0]).toMatchObject({ status: 'submitted', submittedAt: now.toISOString() });
		// an overlap that came in from another device while offline blocks the submit
		const other = sheet('2026-W53');
		Y.applyUpdate(other.doc, Y.encodeStateAsUpdate(week.doc));
		addEntry(week, { date: '2026-12-30', startMinute: 540, endMinute: 600 });
		addEntry(other, { date: '2026-12-30', startMinute: 550, endMinute: 560 });
		Y.applyUpdate(week.doc, Y.encodeStateAsUpdate(other.doc));
		expect(submitTimesheet(week)).toEqual({ ok: false, errors: ['resolve before submitting: on 2026-12-30, 09:00–10:00 overlaps 09:10–09:20'] });
	});

	it('refuse every edit to an approved week with the lock message, and write nothing', () => {
		const week = sheet('2026-W53');
		const entry = addEntry(week, { date: '2026-12-29', minutes: 60 });
		const expense = addExpense(week, { date: '2026-12-29', category: 'Parking', amount: 500 });
		if (!entry.ok || !expense.ok) throw new Error('not added');
		stampApproval(week.doc, { status: 'approved', decidedAt: now.toISOString(), decidedBy: 'u-2', decidedByName: 'Mia', comment: null, changedAfterApproval: false });
		const before = Y.encodeStateVector(week.doc);
		const lock = { ok: false, errors: ['This week was approved by Mia and is locked: ask your approver to reopen it to change it.'] };
		expect(addEntry(week, { date: '2026-12-30', minutes: 30 })).toEqual(lock);
		expect(updateEntry(week, entry.id, { minutes: 30 })).toEqual(lock);
		expect(removeEntry(week, entry.id)).toEqual(lock);
		expect(addExpense(week, { date: '2026-12-30', category: 'Fuel', amount: 100 })).toEqual(lock);
		expect(removeExpense(week, expense.id)).toEqual(lock);
		expect(submitTimesheet(week)).toEqual(lock);
		const last = sheet('2026-W52');
		addEntry(last, { date: '2026-12-22', minutes: 15 });
		expect(copyLastWeek(last, week)).toEqual(lock);
		expect(Y.encodeStateVector(week.doc)).toEqual(before);
		// submitted or rejected weeks stay open to edits
		stampApproval(week.doc, { status: 'rejected', decidedAt: now.toISOString(), decidedBy: 'u-2', decidedByName: 'Mia', comment: 'split the travel', changedAfterApproval: false });
		expect(removeEntry(week, entry.id)).toEqual({ ok: true, id: entry.id });
		expect(removeExpense(week, 'nope')).toEqual({ ok: false, errors: ['that expense is not in this week'] });
	});
});
