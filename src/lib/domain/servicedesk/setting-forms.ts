import { parseDay } from '../contracts/days.js';
import { START_STATUS } from './board.js';
import type { PlainRecord } from '../documents/shape.js';
import { formatDuration, parseDuration } from './durations.js';
import { parseHours } from './hours.js';
import type { CalendarRecord, QueueRecord, SlaPolicyRecord, StatusRecord, TicketTypeRecord } from './settings.js';

/**
 * The service desk settings forms: what an admin types (all text, checkboxes
 * "on") to the fields of a catalog record, or a message per field that cannot
 * be saved. A record that reaches the document always passes its schema
 * (settings.ts), so nothing typed here is cut or dropped by the projection.
 */

export type SettingsCollection = 'queues' | 'ticketStatuses' | 'ticketTypes' | 'calendars' | 'slaPolicies';
export type FormInput = Record<string, string>;
export type FormErrors = Record<string, string>;
export type FormRead = { ok: true; fields: PlainRecord } | { ok: false; errors: FormErrors };

/** Records of the same collection, which a new name must not repeat. */
export type Named = { id: string; name: string; deletedAt: string | null };

export const PRIORITY_LABELS = { low: 'Low', normal: 'Normal', high: 'High', critical: 'Critical' } as const;
export type Priority = keyof typeof PRIORITY_LABELS;
export const PRIORITIES = Object.keys(PRIORITY_LABELS) as Priority[];

const cap = (p: string) => p[0].toUpperCase() + p.slice(1);
export const targetKey = (kind: 'firstResponse' | 'resolution', priority: Priority) => `${kind}${cap(priority)}` as keyof SlaPolicyRecord & string;

/** A checkbox of the form was ticked. */
export const on = (input: FormInput, key: string) => input[key] === 'on' || input[key] === 'true';
const LIMITS = { name: 120, lines: 4000, hours: 1000, holidays: 20_000, line: 300 };

/** Lines of a list as stored: trimmed, blanks and repeats left out; null when none. */
export function lines(text: string | undefined): string | null {
	const kept = [...new Set((text ?? '').split('\n').map((l) => l.trim()).filter(Boolean))];
	return kept.length > 0 ? kept.join('\n') : null;
}

/** Why the name typed cannot be saved: missing, too long, or that of another live record of the collection. */
export function nameError(input: FormInput, noun: string, others: readonly Named[], selfId: string | null): string | undefined {
	const name = (input.name ?? '').trim();
	if (name === '') return `Give the ${noun} a name`;
	if (name.length > LIMITS.name) return `Keep the name under ${LIMITS.name} characters`;
	const key = name.toLocaleLowerCase();
	if (others.some((o) => o.id !== selfId && !o.deletedAt && o.name.trim().toLocaleLowerCase() === key)) return `There is already a ${noun} named ${name}`;
	return undefined;
}

function listError(text: string | null, what: string): string | undefined {
	if (text === null) return undefined;
	if (text.length > LIMITS.lines) return `Keep the ${what} under ${LIMITS.lines} characters in all`;
	if (text.split('\n').some((l) => l.length > LIMITS.line)) return `Keep each of the ${what} under ${LIMITS.line} characters`;
	return undefined;
}

/** The fields when every check passed, else the messages (only the fields that failed). */
export function result(fields: PlainRecord, errors: Record<string, string | undefined>): FormRead {
	const failed = Object.fromEntries(Object.entries(errors).filter((e): e is [string, string] => e[1] !== undefined));
	return Object.keys(failed).length > 0 ? { ok: false, errors: failed } : { ok: true, fields };
}

export function readQueue(input: FormInput, others: readonly Named[], selfId: string | null = null): FormRead {
	return result({ name: (input.name ?? '').trim() }, { name: nameError(input, 'queue', others, selfId) });
}

export function readStatus(input: FormInput, others: readonly Named[], selfId: string | null = null): FormRead {
	const pausesSla = on(input, 'pausesSla');
	const done = on(input, 'done');
	return result(
		{ name: (input.name ?? '').trim(), pausesSla, done },
		{
			name: nameError(input, 'status', others, selfId),
			pausesSla: pausesSla && done ? 'A done status stops the clock for good; it cannot also pause it' : undefined,
			// tickets start in it (edits.ts createTicket): a new ticket would be finished before anyone saw it
			done: done && selfId === START_STATUS ? 'New tickets start in this status: it cannot be a done one' : undefined
		}
	);
}

export function readTicketType(input: FormInput, others: readonly Named[], selfId: string | null = null): FormRead {
	const subTypes = lines(input.subTypes);
	const questions = lines(input.questions);
	return result(
		{ name: (input.name ?? '').trim(), subTypes, questions, portal: on(input, 'portal') },
		{ name: nameError(input, 'type', others, selfId), subTypes: listError(subTypes, 'sub-types'), questions: listError(questions, 'questions') }
	);
}

/** A zone this browser's clock knows (an unknown one would make every SLA clock run round the clock). */
export function isTimeZone(zone: string): boolean {
	if (zone.trim() === '' || zone.length > 64) return false;
	try {
		new Intl.DateTimeFormat('en', { timeZone: zone });
		return true;
	} catch {
		return false;
	}
}

function hoursError(hours: string): string | undefined {
	if (hours === '') return 'Enter the opening hours, such as Mon-Fri 09:00-17:00';
	if (hours.length > LIMITS.hours) return `Keep the hours under ${LIMITS.hours} characters`;
	const parsed = parseHours(hours);
	if ('error' in parsed) return parsed.error;
	return parsed.week.some((day) => day.length > 0) ? undefined : 'The calendar is never open';
}

/** Every line names a real date (YYYY-MM-DD), optionally with words: "2026-12-25 Christmas". */
export function holidaysError(text: string): string | undefined {
	if (text.length > LIMITS.holidays) return 'Too many holidays for one calendar';
	for (const line of text.split('\n').map((l) => l.trim()).filter(Boolean)) {
		const dates = line.match(/\d{4}-\d{1,2}-\d{1,2}/g) ?? [];
		if (dates.length === 0) return `“${line}” has no date such as 2026-12-25`;
		const wrong = dates.find((d) => parseDay(d) === null);
		if (wrong) return `${wrong} is not a date (YYYY-MM-DD)`;
	}
	return undefined;
}

export function readCalendar(input: FormInput, others: readonly Named[], selfId: string | null = null): FormRead {
	const timeZone = (input.timeZone ?? '').trim();
	const hours = (input.hours ?? '').trim();
	const holidays = (input.holidays ?? '').trim();
	return result(
		{ name: (input.name ?? '').trim(), timeZone, hours, holidays: holidays || null },
		{
			name: nameError(input, 'calendar', others, selfId),
			timeZone: isTimeZone(timeZone) ? undefined : `Pick a time zone such as Europe/Berlin or America/New_York`,
			hours: hoursError(hours),
			holidays: holidaysError(holidays)
		}
	);
}

export function readPolicy(input: FormInput, others: readonly Named[], calendars: readonly Named[], selfId: string | null = null): FormRead {
	const calendarId = (input.calendarId ?? '').trim();
	const fields: PlainRecord = { name: (input.name ?? '').trim(), calendarId: calendarId || null, isDefault: on(input, 'isDefault') };
	const errors: Record<string, string | undefined> = {
		name: nameError(input, 'policy', others, selfId),
		calendarId: calendarId === '' || calendars.some((c) => c.id === calendarId && !c.deletedAt) ? undefined : 'Pick one of the calendars'
	};
	for (const priority of PRIORITIES) {
		const read = (kind: 'firstResponse' | 'resolution') => {
			const key = targetKey(kind, priority);
			const parsed = parseDuration(input[key] ?? '');
			if ('error' in parsed) errors[key] = parsed.error;
			else fields[key] = parsed.minutes;
			return 'error' in parsed ? null : parsed.minutes;
		};
		const first = read('firstResponse');
		const resolution = read('resolution');
		if (first !== null && resolution !== null && first > resolution) errors[targetKey('resolution', priority)] = 'Resolution cannot come before the first response';
	}
	return result(fields, errors);
}

/** What a record's form starts from when it is edited. */
export function queueInput(record: QueueRecord): FormInput {
	return { name: record.name };
}

export function statusInput(record: Pick<StatusRecord, 'name' | 'pausesSla' | 'done'>): FormInput {
	return { name: record.name, pausesSla: record.pausesSla ? 'on' : '', done: record.done ? 'on' : '' };
}

export function ticketTypeInput(record: TicketTypeRecord): FormInput {
	return { name: record.name, subTypes: record.subTypes ?? '', questions: record.questions ?? '', portal: record.portal ? 'on' : '' };
}

export function calendarInput(record: CalendarRecord): FormInput {
	return { name: record.name, timeZone: record.timeZone, hours: record.hours, holidays: record.holidays ?? '' };
}

export function policyInput(record: SlaPolicyRecord): FormInput {
	const input: FormInput = { name: record.name, calendarId: record.calendarId ?? '', isDefault: record.isDefault ? 'on' : '' };
	for (const priority of PRIORITIES) {
		for (const kind of ['firstResponse', 'resolution'] as const) input[targetKey(kind, priority)] = formatDuration(record[targetKey(kind, priority)] as number | null);
	}
	return input;
}
