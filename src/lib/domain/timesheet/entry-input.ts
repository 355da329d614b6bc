import { parseClock, parseDuration } from './durations.js';
import type { EntryFields } from './edits.js';

/** What the entry form holds, as typed. */
export interface EntryInput {
	date: string;
	start: string;
	end: string;
	duration: string;
	ticketId: string | null;
	taskId?: string | null;
	projectId?: string | null;
	customerId: string | null;
	workRole: string;
	billable: boolean;
	notes: string;
}

export type EntryRead = { ok: true; fields: EntryFields } | { ok: false; fields: Partial<Record<'date' | 'start' | 'end' | 'duration', string>> };

/**
 * The entry form → an entry's fields: a start and an end, or a duration (with
 * a start, or without: "90 minutes on Tuesday"). Each field's problem is said
 * beside it; what the week itself refuses (overlaps, a locked week) the edit says.
 */
export function readEntryInput(input: EntryInput): EntryRead {
	const problems: Partial<Record<'date' | 'start' | 'end' | 'duration', string>> = {};
	if (!/^\d{4}-\d{2}-\d{2}$/.test(input.date)) problems.date = 'Choose the day the work was done';
	const start = parseClock(input.start);
	const end = parseClock(input.end, { end: true });
	const duration = parseDuration(input.duration);
	if (!start.ok) problems.start = start.error;
	if (!end.ok) problems.end = end.error;
	if (!duration.ok) problems.duration = duration.error;
	if (!start.ok || !end.ok || !duration.ok || problems.date) return { ok: false, fields: problems };
	const [from, to, minutes] = [start.value, end.value, duration.value];
	if (to !== null && from === null) return { ok: false, fields: { start: 'An end needs a start; or give a duration alone' } };
	if (from === null && minutes === null) return { ok: false, fields: { duration: 'Give a start and an end, or a duration such as 1:30' } };
	if (from !== null && to === null && minutes === null) return { ok: false, fields: { end: 'Give an end, or a duration' } };
	if (from !== null && to !== null) {
		if (to === from) return { ok: false, fields: { end: 'The entry starts and ends at the same time' } };
		if (to < from) return { ok: false, fields: { end: 'The end is before the start' } };
		if (minutes !== null && minutes !== to - from) return { ok: false, fields: { duration: 'The duration does not match the start and end: leave one of them empty' } };
	}
	const timed = from !== null && to !== null;
	return {
		ok: true,
		fields: {
			date: input.date,
			startMinute: from,
			endMinute: timed ? to : null,
			minutes: timed ? null : minutes,
			ticketId: input.ticketId,
			taskId: input.taskId ?? null,
			projectId: input.projectId ?? null,
			customerId: input.customerId,
			workRole: input.workRole.trim() || null,
			billable: input.billable,
			notes: input.notes.trim() || null
		}
	};
}
