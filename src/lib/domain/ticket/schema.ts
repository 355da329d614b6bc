import { z } from 'zod';
import { date, flag, id, idList, instant, optionalId, optionalText, text } from '../documents/fields.js';
import { attachmentRecord } from '../contracts/schema.js';
import { WORKFLOW_FIELDS } from './events.js';

/**
 * Validation of each record of a ticket document (`T:ticket:ID`), shared by
 * the materializer and the browser. The workflow fields (status, priority,
 * assignee, queue) are not fields of the ticket: they are its event log.
 */

export const TICKET_SOURCES = ['phone', 'mail', 'portal', 'alert', 'manual'] as const;
export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'critical'] as const;
/** the statuses every tenant starts with; tenants add their own in the catalog */
export const DEFAULT_STATUSES = ['new', 'in-progress', 'waiting-on-customer', 'scheduled', 'resolved', 'closed'] as const;

export const ticketRecord = z.object({
	id,
	title: text(300).min(1, 'a ticket needs a title'),
	customerId: optionalId,
	siteId: optionalId,
	contactId: optionalId,
	type: optionalText(120),
	subType: optionalText(120),
	source: z.enum(TICKET_SOURCES).catch('manual'),
	dueDate: date,
	/** other tickets this one is related to, space-separated ids */
	relatedIds: idList,
	/** an alert's key (source + key), so a repeated alert finds its open ticket */
	alertKey: optionalText(300),
	/** a portal request's follow-up answers, as "Question: answer" lines */
	answers: optionalText(20_000),
	createdAt: instant,
	createdBy: optionalText(200),
	deletedAt: instant
});

/** A change of a workflow field: the log the current value, the timeline and the SLA clock come from. */
export const eventRecord = z.object({
	id,
	at: z.iso.datetime({ offset: true }),
	/** a person's name, or "rule: NAME" for a workflow rule's action */
	by: optionalText(200),
	field: z.enum(WORKFLOW_FIELDS),
	value: optionalText(200)
});

export const NOTE_VISIBILITY = ['public', 'internal'] as const;

/** One note of the thread: public notes reach the customer, internal ones never do. */
export const ticketNoteRecord = z.object({
	id,
	body: text(100_000).min(1, 'a note needs text'),
	visibility: z.enum(NOTE_VISIBILITY).catch('internal'),
	/** who wrote it: a staff member's or a contact's name, or the sender of a mail */
	by: optionalText(200),
	/** 'staff', 'contact' (portal), 'mail' or 'alert' */
	origin: z.enum(['staff', 'contact', 'mail', 'alert']).catch('staff'),
	at: instant,
	deletedAt: instant
});

export const checklistItemRecord = z.object({
	id,
	text: text(500).min(1, 'an item needs text'),
	done: flag,
	rank: optionalText(64),
	deletedAt: instant
});

/** A file attached to the ticket (a screenshot, a photo from site, a log); its bytes are in the file store. */
export const ticketAttachmentRecord = attachmentRecord.omit({ contractId: true });

/** A ticket put on a technician's day on the dispatch board. */
export const visitRecord = z.object({
	id,
	userId: id,
	/** YYYY-MM-DD in the tenant's zone */
	day: z.iso.date(),
	/** minutes after midnight; null for "some time that day" */
	startMinute: z.number().int().min(0).max(1439).nullish().transform((v) => v ?? null),
	minutes: z.number().int().min(0).max(24 * 60).nullish().transform((v) => v ?? null),
	deletedAt: instant
});

export type TicketRecord = z.infer<typeof ticketRecord>;
export type EventRecord = z.infer<typeof eventRecord>;
export type TicketNoteRecord = z.infer<typeof ticketNoteRecord>;
export type ChecklistItemRecord = z.infer<typeof checklistItemRecord>;
export type VisitRecord = z.infer<typeof visitRecord>;
export type TicketAttachmentRecord = z.infer<typeof ticketAttachmentRecord>;
