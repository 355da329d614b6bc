import { z } from 'zod';
import { flag, id, instant, optionalId, optionalText, text } from '../documents/fields.js';

/**
 * The service desk's settings, kept in the catalog document (`T:catalog`,
 * DESIGN.md §2) and edited by admins: queues, statuses, ticket types with the
 * questions the portal asks, business-hours calendars, SLA policies and
 * workflow rules. Records hold scalars only: lists are lines of text, rules JSON.
 */

export const queueRecord = z.object({
	id,
	name: text(120).min(1, 'a queue needs a name'),
	rank: optionalText(64),
	deletedAt: instant
});

/** A ticket status; `pausesSla` stops the resolution clock, `done` ends the ticket's work. */
export const statusRecord = z.object({
	id,
	name: text(120).min(1, 'a status needs a name'),
	pausesSla: flag,
	done: flag,
	rank: optionalText(64),
	deletedAt: instant
});

export const ticketTypeRecord = z.object({
	id,
	name: text(120).min(1, 'a type needs a name'),
	/** sub-types, one per line */
	subTypes: optionalText(4000),
	/** the follow-up questions a portal request of this type asks, one per line */
	questions: optionalText(4000),
	/** the portal offers this type to customers */
	portal: flag,
	deletedAt: instant
});

/** Opening hours in a time zone, e.g. "Mon-Fri 09:00-17:00", with closed days (see hours.ts). */
export const calendarRecord = z.object({
	id,
	name: text(120).min(1, 'a calendar needs a name'),
	timeZone: text(64).min(1),
	hours: text(1000).min(1),
	/** closed days, YYYY-MM-DD, one per line or space-separated */
	holidays: optionalText(20_000),
	deletedAt: instant
});

const minutes = z.number().int().min(1).max(365 * 24 * 60).nullish().transform((v) => v ?? null);

/** First response and resolution targets per priority, in business minutes of a calendar. */
export const slaPolicyRecord = z.object({
	id,
	name: text(120).min(1, 'a policy needs a name'),
	calendarId: optionalId,
	/** used for tickets whose customer's contracts name no policy */
	isDefault: flag,
	firstResponseLow: minutes,
	resolutionLow: minutes,
	firstResponseNormal: minutes,
	resolutionNormal: minutes,
	firstResponseHigh: minutes,
	resolutionHigh: minutes,
	firstResponseCritical: minutes,
	resolutionCritical: minutes,
	deletedAt: instant
});

/** A workflow rule: when (trigger), if (conditions, JSON), then (actions, JSON); see rules.ts. */
export const ruleRecord = z.object({
	id,
	name: text(200).min(1, 'a rule needs a name'),
	enabled: flag,
	trigger: z.enum(['created', 'changed', 'timer']).catch('changed'),
	conditions: text(20_000),
	actions: text(20_000),
	rank: optionalText(64),
	deletedAt: instant
});

/** The statuses a tenant starts with, and what they mean for the SLA clock. */
export const DEFAULT_STATUS_RECORDS = [
	{ id: 'new', name: 'New', pausesSla: false, done: false },
	{ id: 'in-progress', name: 'In progress', pausesSla: false, done: false },
	{ id: 'waiting-on-customer', name: 'Waiting on customer', pausesSla: true, done: false },
	{ id: 'scheduled', name: 'Scheduled', pausesSla: false, done: false },
	{ id: 'resolved', name: 'Resolved', pausesSla: false, done: true },
	{ id: 'closed', name: 'Closed', pausesSla: false, done: true }
] as const;

export type QueueRecord = z.infer<typeof queueRecord>;
export type StatusRecord = z.infer<typeof statusRecord>;
export type TicketTypeRecord = z.infer<typeof ticketTypeRecord>;
export type CalendarRecord = z.infer<typeof calendarRecord>;
export type SlaPolicyRecord = z.infer<typeof slaPolicyRecord>;
export type RuleRecord = z.infer<typeof ruleRecord>;
