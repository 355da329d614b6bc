import { hoursAndMinutes } from '#lib/domain/timesheet/totals.js';
import { formatMoney } from '#lib/sync/contracts/inputs.js';

/**
 * One entry or expense of a week snapshot as a line of text, for approvers:
 * the snapshot comes from Postgres as plain JSON, so every field is read defensively.
 */

const clock = (minute: unknown) => (typeof minute === 'number' ? `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}` : null);

export function entryText(entry: Record<string, unknown>): string {
	const span = clock(entry.startMinute) && clock(entry.endMinute) ? `${clock(entry.startMinute)}–${clock(entry.endMinute)} ` : '';
	const what = [entry.billable ? 'billable' : 'not billable', entry.workRole, entry.notes].filter(Boolean).join(' · ');
	return `${entry.date} ${span}(${hoursAndMinutes(Number(entry.minutes ?? 0))}) ${what}`;
}

export function expenseText(expense: Record<string, unknown>, currency: string): string {
	const what = [expense.billable ? 'billable' : 'not billable', expense.notes].filter(Boolean).join(' · ');
	return `${expense.date} ${expense.category}: ${formatMoney(Number(expense.amount ?? 0), currency)} ${what}`;
}
