import { z } from 'zod';
import { requireDay } from '../contracts/days.js';
import { DAY_MINUTES, isDate, WEEKDAY_LABELS } from './capacity.js';

/**
 * A time-off request as people type it (the JSON API and the form) and the
 * checks that need nothing but the input: dates that exist, the last day not
 * before the first, at most a year, a sensible part of a day. Checks against
 * the person's capacity and their approved time off are the service's.
 */

export const TIME_OFF_KINDS = ['vacation', 'sick', 'personal', 'other'] as const;
export type TimeOffKind = (typeof TIME_OFF_KINDS)[number];

export const TIME_OFF_STATUSES = ['requested', 'approved', 'rejected', 'cancelled'] as const;
export type TimeOffStatus = (typeof TIME_OFF_STATUSES)[number];

/** A request as stored, with the names of the person, who asked and who decided. */
export interface TimeOffRequest {
	id: string;
	userId: string;
	userName: string | null;
	kind: TimeOffKind;
	start: string;
	end: string;
	/** null: whole days */
	minutesPerDay: number | null;
	note: string | null;
	status: TimeOffStatus;
	createdAt: Date;
	createdByName: string | null;
	decidedAt: Date | null;
	decidedByName: string | null;
	comment: string | null;
}

export const KIND_LABELS: Record<TimeOffKind, string> = { vacation: 'Vacation', sick: 'Sick', personal: 'Personal', other: 'Other' };
export const STATUS_LABELS: Record<TimeOffStatus, string> = { requested: 'Waiting for approval', approved: 'Approved', rejected: 'Rejected', cancelled: 'Cancelled' };

/** the longest span one request may cover */
export const MAX_REQUEST_DAYS = 366;
export const NOTE_MAX = 1000;

// a form sends '' for a field left empty: the same as leaving it out
const blank = (value: unknown) => (value === '' || value === null ? undefined : value);

const date = (what: string) =>
	z.string({ error: `Give the ${what} day.` }).trim().refine(isDate, `Give the ${what} day as a date like 2026-12-24.`);

const fields = {
	/** whose time off; left out: the caller's own */
	userId: z.preprocess(blank, z.uuid('No such person in this company.').optional()),
	kind: z.enum(TIME_OFF_KINDS, { error: 'Pick vacation, sick, personal or other.' }),
	start: date('first'),
	end: date('last'),
	note: z.preprocess(blank, z.string().trim().max(NOTE_MAX, `Keep the note under ${NOTE_MAX} characters.`).optional()).transform((v) => v || null)
};

type Span = { start: string; end: string };

function checkSpan(input: Span, ctx: z.RefinementCtx) {
	if (!isDate(input.start) || !isDate(input.end)) return;
	const days = requireDay(input.end) - requireDay(input.start) + 1;
	if (days < 1) ctx.addIssue({ code: 'custom', path: ['end'], message: 'The last day is before the first.' });
	else if (days > MAX_REQUEST_DAYS) ctx.addIssue({ code: 'custom', path: ['end'], message: 'Ask for at most a year at a time.' });
}

const minutesPerDay = z
	.number({ error: 'Give the minutes a day as a number, or null for whole days.' })
	.int('Give whole minutes a day.')
	.min(15, 'Part of a day is at least 15 minutes.')
	.max(DAY_MINUTES, 'A day has 1440 minutes.')
	.nullish()
	.transform((v) => v ?? null);

/** The JSON API's body: `minutesPerDay` null or left out for whole days. */
export const timeOffInput = z.object({ ...fields, minutesPerDay }).superRefine(checkSpan);

/** The form's fields: hours a day, blank for whole days (3.5 is three and a half hours). */
export const timeOffForm = z
	.object({
		...fields,
		hoursPerDay: z.preprocess(
			blank,
			z
				.string()
				.trim()
				.regex(/^\d{1,2}([.,]\d{1,2})?$/, 'Give the hours a day as a number like 4 or 3.5, or leave it empty for whole days.')
				.transform((hours) => Math.round(Number(hours.replace(',', '.')) * 60))
				.refine((minutes) => minutes >= 15 && minutes <= DAY_MINUTES, 'Give between 0.25 and 24 hours a day.')
				.optional()
		)
	})
	.superRefine(checkSpan)
	.transform(({ hoursPerDay, ...rest }) => ({ ...rest, minutesPerDay: hoursPerDay ?? null }));

export type TimeOffInput = z.infer<typeof timeOffInput>;

/** An approver's word on a request; a rejection must say why. */
export const decisionInput = z.object({
	comment: z.preprocess(blank, z.string().trim().max(NOTE_MAX, `Keep the comment under ${NOTE_MAX} characters.`).optional()).transform((v) => v || null)
});

export const REJECT_NEEDS_COMMENT = 'Say why it is rejected: the person reads your comment.';

const weekdayMinutes = z
	.number({ error: 'Give minutes as a number.' })
	.int('Give whole minutes.')
	.min(0, 'Minutes cannot be negative.')
	.max(DAY_MINUTES, 'A day has 1440 minutes.');

/** A person's capacity: minutes for each weekday, Monday first. */
export const capacityInput = z.object({
	minutes: z.array(weekdayMinutes, { error: `Give seven numbers of minutes, ${WEEKDAY_LABELS[0]} to ${WEEKDAY_LABELS[6]}.` }).length(7, `Give seven numbers of minutes, ${WEEKDAY_LABELS[0]} to ${WEEKDAY_LABELS[6]}.`)
});

/** A request's days in a message: one date, or the first and the last. */
export const describeSpan = (span: Span): string => (span.start === span.end ? span.start : `${span.start} to ${span.end}`);
