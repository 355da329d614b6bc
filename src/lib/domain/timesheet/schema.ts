import { z } from 'zod';
import { flag, id, instant, money, optionalId, optionalText, text } from '../documents/fields.js';
import { weekContains } from './weeks.js';

/**
 * Validation of each record of a timesheet document (`T:timesheet:USER:YYYY-Www`):
 * the entity `timesheet`, the collections `entries` and `expenses`. Entries
 * and expenses are checked against the document's week, so the schemas are
 * made per week. Approval and locks are the ledger's (DESIGN.md §2), not
 * fields here: the entity only mirrors what the person did (submitted).
 */

const DAY_MINUTES = 24 * 60;

export const TIMESHEET_STATUSES = ['open', 'submitted'] as const;

export const timesheetRecord = z.object({
	id,
	userId: id,
	week: z.string().regex(/^\d{4}-W\d{2}$/, 'a week is YYYY-Www'),
	/** the person's own mirror; approved, rejected and locked come from the ledger */
	status: z.enum(TIMESHEET_STATUSES).catch('open'),
	submittedAt: instant
});

const minuteOfDay = (max: number) =>
	z
		.number()
		.int('minutes are whole numbers')
		.min(0, 'a time of day cannot be negative')
		.max(max, 'a time of day is within the day')
		.nullish()
		.transform((v) => v ?? null);

const inWeek = (week: string) => z.iso.date('a date is YYYY-MM-DD').refine((d) => weekContains(week, d), { message: `the date is not in the week ${week}` });

const entryFields = (week: string) =>
	z.object({
		id,
		date: inWeek(week),
		/** minutes after local midnight; with `endMinute`, the entry's time of day */
		startMinute: minuteOfDay(DAY_MINUTES - 1),
		endMinute: minuteOfDay(DAY_MINUTES),
		/** the duration when no start and end are given (or with a start only) */
		minutes: z.number().int('a duration is whole minutes').nullish().transform((v) => v ?? null),
		ticketId: optionalId,
		taskId: optionalId,
		projectId: optionalId,
		customerId: optionalId,
		workRole: optionalText(120),
		billable: flag,
		notes: optionalText(4000),
		createdAt: instant,
		deletedAt: instant
	});

type EntryFields = z.infer<ReturnType<typeof entryFields>>;

/** An entry's duration: end − start when it has both, else its minutes; an explanation when it has none that makes sense. */
export function entryDuration(entry: Pick<EntryFields, 'startMinute' | 'endMinute' | 'minutes'>): number | string {
	const { startMinute: start, endMinute: end, minutes } = entry;
	if (start !== null && end !== null) return end > start ? end - start : end === start ? 'the entry starts and ends at the same time' : 'the end is before the start';
	if (end !== null) return 'an entry with an end needs a start';
	if (minutes === null) return 'an entry needs a start and an end, or minutes';
	if (minutes < 0) return 'a duration cannot be negative';
	if (minutes === 0) return 'a duration must be more than zero minutes';
	if (start !== null && start + minutes > DAY_MINUTES) return 'the entry runs past midnight: split it into one entry per day';
	return minutes;
}

/** A time entry of the week, with its duration worked out (`minutes`) and its end when it has a start. */
export const entryRecord = (week: string) =>
	entryFields(week).transform((entry, ctx) => {
		const duration = entryDuration(entry);
		if (typeof duration === 'string') {
			ctx.addIssue({ code: 'custom', message: duration, path: ['minutes'] });
			return z.NEVER;
		}
		const endMinute = entry.startMinute === null ? null : entry.startMinute + duration;
		return { ...entry, minutes: duration, endMinute };
	});

export const expenseRecord = (week: string) =>
	z.object({
		id,
		date: inWeek(week),
		category: text(120).min(1, 'an expense needs a category'),
		amount: money.refine((v) => v !== null, 'an expense needs an amount').refine((v) => v === null || v > 0, 'an expense amount must be more than zero'),
		billable: flag,
		/** markup on a billable expense, in basis points (1500 = 15 %) */
		markupBasisPoints: z.number().int('markup is whole basis points').min(0, 'markup cannot be negative').max(100_000).nullish().transform((v) => v ?? 0),
		/** the receipt photo in the file store */
		receiptFileId: optionalId,
		customerId: optionalId,
		ticketId: optionalId,
		projectId: optionalId,
		notes: optionalText(4000),
		createdAt: instant,
		deletedAt: instant
	});

export type TimesheetRecord = z.infer<typeof timesheetRecord>;
export type EntryRecord = z.infer<ReturnType<typeof entryRecord>>;
export type ExpenseRecord = z.infer<ReturnType<typeof expenseRecord>> & { amount: number };
