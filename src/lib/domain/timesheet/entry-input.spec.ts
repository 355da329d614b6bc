import { describe, expect, it } from 'vitest';
import { readEntryInput, type EntryInput } from './entry-input.js';

const blank: EntryInput = { date: '2026-03-03', start: '', end: '', duration: '', ticketId: null, customerId: null, workRole: '', billable: true, notes: '' };
const read = (typed: Partial<EntryInput>) => readEntryInput({ ...blank, ...typed });

describe('the entry form', () => {
	it('a start and an end, a duration alone, or a start with a duration', () => {
		expect(read({ start: '9:00', end: '10:30', notes: ' printer ' })).toEqual({
			ok: true,
			fields: { date: '2026-03-03', startMinute: 540, endMinute: 630, minutes: null, ticketId: null, taskId: null, projectId: null, customerId: null, workRole: null, billable: true, notes: 'printer' }
		});
		expect(read({ duration: '1.5h', workRole: 'Engineer' })).toMatchObject({ ok: true, fields: { startMinute: null, endMinute: null, minutes: 90, workRole: 'Engineer' } });
		expect(read({ start: '9', duration: '45' })).toMatchObject({ ok: true, fields: { startMinute: 540, endMinute: null, minutes: 45 } });
		// all three, agreeing
		expect(read({ start: '9:00', end: '10:00', duration: '1:00' })).toMatchObject({ ok: true, fields: { startMinute: 540, endMinute: 600 } });
	});

	it('says beside each field what is wrong', () => {
		expect(read({})).toEqual({ ok: false, fields: { duration: 'Give a start and an end, or a duration such as 1:30' } });
		expect(read({ end: '10:00' })).toEqual({ ok: false, fields: { start: 'An end needs a start; or give a duration alone' } });
		expect(read({ start: '10:00' })).toEqual({ ok: false, fields: { end: 'Give an end, or a duration' } });
		expect(read({ start: '10:00', end: '9:00' })).toEqual({ ok: false, fields: { end: 'The end is before the start' } });
		expect(read({ start: '10:00', end: '10:00' })).toEqual({ ok: false, fields: { end: 'The entry starts and ends at the same time' } });
		expect(read({ duration: '-1:00' })).toEqual({ ok: false, fields: { duration: 'A duration cannot be negative' } });
		expect(read({ duration: '0' })).toEqual({ ok: false, fields: { duration: 'A duration must be more than zero minutes' } });
		expect(read({ start: '9:00', end: '10:00', duration: '2h' })).toEqual({ ok: false, fields: { duration: 'The duration does not match the start and end: leave one of them empty' } });
		expect(read({ date: '', start: 'soon', duration: 'x' })).toEqual({
			ok: false,
			fields: { date: 'Choose the day the work was done', start: 'Enter a time of day such as 9:00 or 17:30', duration: 'Enter a duration such as 1:30, 90 (minutes) or 1.5h' }
		});
	});
	it('keeps the task and its project an entry is on', () => {
		const read = readEntryInput({ ...blank, duration: '45', taskId: 'task1', projectId: 'p1' });
		expect(read.ok && [read.fields.taskId, read.fields.projectId, read.fields.ticketId]).toEqual(['task1', 'p1', null]);
	});
});
