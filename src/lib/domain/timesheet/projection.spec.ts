import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { setEntity, upsertRecord } from '../documents/shape.js';
import { projectTimesheet } from './projection.js';

const T = '01a20000-0000-7000-8000-000000000001';
const USER = '01a20000-0000-7000-8000-000000000001';
const NAME = `${T}:timesheet:${USER}:2026-W53`;

function weekDoc() {
	const doc = new Y.Doc();
	setEntity(doc, 'timesheet', { id: `${USER}-2026-W53`, userId: USER, week: '2026-W53', status: 'open', submittedAt: null });
	upsertRecord(doc, 'entries', 'e1', { date: '2026-12-28', startMinute: 540, endMinute: 630, ticketId: 't-1', customerId: 'c-1', billable: true });
	upsertRecord(doc, 'entries', 'e2', { date: '2027-01-01', minutes: 45, taskId: 'k-1', workRole: 'engineer', billable: false });
	upsertRecord(doc, 'expenses', 'x1', { date: '2026-12-30', category: 'Parking', amount: 1250, billable: true, markupBasisPoints: 1000 });
	return doc;
}

describe('projectTimesheet', () => {
	it('gives entries and expenses rows that carry whose week they are', () => {
		const { timesheets, timeEntries, expenses, problems } = projectTimesheet(NAME, weekDoc());
		expect(problems).toEqual([]);
		expect(timesheets).toEqual([{ id: `${USER}-2026-W53`, userId: USER, week: '2026-W53', status: 'open', submittedAt: null }]);
		expect(timeEntries.map((e) => [e.id, e.userId, e.week, e.date, e.minutes, e.billable])).toEqual([
			['e1', USER, '2026-W53', '2026-12-28', 90, true],
			['e2', USER, '2026-W53', '2027-01-01', 45, false]
		]);
		expect(expenses).toEqual([expect.objectContaining({ id: 'x1', userId: USER, amount: 1250, markupBasisPoints: 1000, receiptFileId: null })]);
	});

	it('quarantines entries and expenses that do not hold, with the reason, and projects the rest', () => {
		const doc = weekDoc();
		upsertRecord(doc, 'entries', 'neg', { date: '2026-12-29', minutes: -30 });
		upsertRecord(doc, 'entries', 'late', { date: '2027-01-04', minutes: 30 });
		upsertRecord(doc, 'expenses', 'free', { date: '2026-12-30', category: 'Lunch' });
		const { timeEntries, expenses, problems } = projectTimesheet(NAME, doc);
		expect(timeEntries).toHaveLength(2);
		expect(expenses).toHaveLength(1);
		expect(problems).toEqual([
			{ collection: 'entries', recordId: 'late', reason: 'date: the date is not in the week 2026-W53' },
			{ collection: 'entries', recordId: 'neg', reason: 'minutes: a duration cannot be negative' },
			{ collection: 'expenses', recordId: 'free', reason: 'amount: an expense needs an amount' }
		]);
	});

	it('takes the person and week from the name, not from what the document claims', () => {
		const doc = weekDoc();
		setEntity(doc, 'timesheet', { userId: 'someone-else', week: '2020-W01' });
		expect(projectTimesheet(NAME, doc).timesheets[0]).toMatchObject({ userId: USER, week: '2026-W53' });
		expect(() => projectTimesheet(`${T}:timesheet:${USER}:2027-W53`, doc)).toThrow(/not a timesheet/);
		expect(() => projectTimesheet(`${T}:ticket:${USER}`, doc)).toThrow(/not a timesheet/);
	});

	it('projects the same rows from two replicas that merged concurrent edits', () => {
		const a = weekDoc();
		const b = new Y.Doc();
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		upsertRecord(a, 'entries', 'e1', { notes: 'from the laptop' });
		upsertRecord(b, 'entries', 'e3', { date: '2026-12-31', minutes: 15 });
		Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		expect(projectTimesheet(NAME, a)).toEqual(projectTimesheet(NAME, b));
		expect(projectTimesheet(NAME, a).timeEntries).toHaveLength(3);
	});
});
