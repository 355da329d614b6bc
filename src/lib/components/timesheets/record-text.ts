import type { RecordNames } from '#lib/domain/timesheet/approval.js';
import { ticketLabel } from '#lib/domain/ticket/edits.js';
import { hoursAndMinutes } from '#lib/domain/timesheet/totals.js';
import { formatMoney } from '#lib/sync/contracts/inputs.js';

/**
 * One entry or expense of a week snapshot as a line of text, for approvers:
 * the snapshot comes from Postgres as plain JSON, so every field is read
 * defensively; ids read as the names Postgres has for them (an id it has no
 * row for, a record not synced yet, is left out rather than shown raw).
 */

export const NO_NAMES: RecordNames = { tickets: {}, tasks: {}, projects: {}, customers: {} };

const clock = (minute: unknown) => (typeof minute === 'number' ? `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}` : null);
const id = (value: unknown) => (typeof value === 'string' ? value : '');

/** The ticket or task and the customer a record was for, in words. */
function forWhat(record: Record<string, unknown>, names: RecordNames): string[] {
	const ticket = names.tickets[id(record.ticketId)];
	const task = names.tasks[id(record.taskId)] ?? names.projects[id(record.projectId)];
	return [
		ticket ? `${ticketLabel(ticket.number, id(record.ticketId))} ${ticket.title}` : task,
		names.customers[id(record.customerId)]
	].filter((part): part is string => !!part);
}

export function entryText(entry: Record<string, unknown>, names: RecordNames = NO_NAMES): string {
	const span = clock(entry.startMinute) && clock(entry.endMinute) ? `${clock(entry.startMinute)}–${clock(entry.endMinute)} ` : '';
	const what = [...forWhat(entry, names), entry.billable ? 'billable' : 'not billable', entry.workRole, entry.notes].filter(Boolean).join(' · ');
	return `${entry.date} ${span}(${hoursAndMinutes(Number(entry.minutes ?? 0))}) ${what}`;
}

export function expenseText(expense: Record<string, unknown>, currency: string, names: RecordNames = NO_NAMES): string {
	const what = [...forWhat(expense, names), expense.billable ? 'billable' : 'not billable', expense.notes].filter(Boolean).join(' · ');
	return `${expense.date} ${expense.category}: ${formatMoney(Number(expense.amount ?? 0), currency)} ${what}`;
}
