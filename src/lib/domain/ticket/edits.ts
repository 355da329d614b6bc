import { v7 as uuidv7 } from 'uuid';
import { docName } from '../documents/names.js';
import * as Y from 'yjs';
import { initMeta, plain, setEntity, upsertRecord, type PlainRecord } from '../documents/shape.js';
import { currentValues, type TicketEvent, type WorkflowField } from './events.js';
import { eventRecord, type TicketNoteRecord, type TicketRecord } from './schema.js';
import { readStamps } from './projection.js';

/**
 * Every change the app and the server make to a ticket document (`T:ticket:ID`),
 * as plain functions of a Y.Doc: the entity map `ticket`, the co-edited Y.Text
 * `description`, and the collections `events`, `notes`, `checklist`, `visits`.
 * Workflow fields are never set in place: each change appends an event.
 */

export function ticketDocName(tenantId: string, ticketId: string): string {
	return docName(tenantId, 'ticket', ticketId);
}

/** Ticket ids are UUIDv7: the server numbers tickets in the order they were made (decision 017). */
export function newTicketId(): string {
	return uuidv7();
}

/** The fields a ticket is made with; workflow fields become its first events. */
export interface NewTicket {
	title: string;
	source?: TicketRecord['source'];
	customerId?: string | null;
	siteId?: string | null;
	contactId?: string | null;
	type?: string | null;
	subType?: string | null;
	dueDate?: string | null;
	alertKey?: string | null;
	answers?: string | null;
	description?: string | null;
	status?: string;
	priority?: string;
	queue?: string | null;
	assignee?: string | null;
}

/** Who makes a change and when: a person's name (or "rule: NAME"), and the time of the change. */
export interface Author {
	by: string | null;
	at?: Date;
}

const iso = (author: Author) => (author.at ?? new Date()).toISOString();

/** Fills a new ticket document. Its number comes later, from the server (decision 017). */
export function createTicket(doc: Y.Doc, id: string, fields: NewTicket, author: Author): void {
	const at = iso(author);
	doc.transact(() => {
		initMeta(doc, 'ticket');
		setEntity(doc, 'ticket', {
			id,
			title: fields.title.trim(),
			source: fields.source ?? 'manual',
			customerId: fields.customerId ?? null,
			siteId: fields.siteId ?? null,
			contactId: fields.contactId ?? null,
			type: fields.type ?? null,
			subType: fields.subType ?? null,
			dueDate: fields.dueDate ?? null,
			relatedIds: null,
			alertKey: fields.alertKey ?? null,
			answers: fields.answers ?? null,
			createdAt: at,
			createdBy: author.by,
			deletedAt: null
		});
		if (fields.description) doc.getText('description').insert(0, fields.description);
		const initial: [WorkflowField, string | null | undefined][] = [
			['status', fields.status ?? 'new'],
			['priority', fields.priority ?? 'normal'],
			['queue', fields.queue],
			['assignee', fields.assignee]
		];
		for (const [field, value] of initial) if (value) appendEvent(doc, field, value, author);
	});
}

/** Sets the ticket's own (non-workflow) fields. */
export function updateTicket(doc: Y.Doc, fields: Partial<Omit<TicketRecord, 'id' | 'createdAt' | 'createdBy'>>): void {
	setEntity(doc, 'ticket', fields as PlainRecord);
}

/** Appends one workflow change to the log; returns the event's id. */
export function appendEvent(doc: Y.Doc, field: WorkflowField, value: string | null, author: Author): string {
	const id = uuidv7();
	upsertRecord(doc, 'events', id, { at: iso(author), by: author.by, field, value });
	return id;
}

/** The log as the document holds it (records that do not validate left out). */
export function ticketEvents(doc: Y.Doc): TicketEvent[] {
	const events: TicketEvent[] = [];
	for (const [id, value] of doc.getMap('events')) {
		const parsed = value instanceof Y.Map ? eventRecord.safeParse(plain(value)) : null;
		if (parsed?.success && parsed.data.id === id) events.push(parsed.data);
	}
	return events;
}

/** Each workflow field's current value, as every replica computes it. */
export function workflowValues(doc: Y.Doc): Record<WorkflowField, string | null> {
	return currentValues(ticketEvents(doc), readStamps(doc).firstSeen);
}

/** Appends an event only where it changes the current value; returns the fields that changed. */
export function changeWorkflow(doc: Y.Doc, changes: Partial<Record<WorkflowField, string | null>>, author: Author): WorkflowField[] {
	const current = workflowValues(doc);
	const changed = (Object.entries(changes) as [WorkflowField, string | null][]).filter(([field, value]) => current[field] !== (value || null));
	doc.transact(() => {
		for (const [field, value] of changed) appendEvent(doc, field, value || null, author);
	});
	return changed.map(([field]) => field);
}

export interface NewNote {
	body: string;
	visibility: TicketNoteRecord['visibility'];
	origin?: TicketNoteRecord['origin'];
}

/** Adds a note to the thread; returns its id. */
export function addNote(doc: Y.Doc, note: NewNote, author: Author): string {
	const id = uuidv7();
	upsertRecord(doc, 'notes', id, { body: note.body.trim(), visibility: note.visibility, origin: note.origin ?? 'staff', by: author.by, at: iso(author), deletedAt: null });
	return id;
}

/** Adds a checklist item at the end (rank is a fractional rank; see ranks in the board). */
export function addChecklistItem(doc: Y.Doc, text: string, rank: string | null = null): string {
	const id = uuidv7();
	upsertRecord(doc, 'checklist', id, { text: text.trim(), done: false, rank, deletedAt: null });
	return id;
}

export function setChecklistItem(doc: Y.Doc, id: string, fields: { text?: string; done?: boolean; rank?: string | null; deletedAt?: string | null }): void {
	upsertRecord(doc, 'checklist', id, fields as PlainRecord);
}

/** Puts the ticket on a technician's day (the dispatch board); returns the visit's id. */
export function scheduleVisit(doc: Y.Doc, visit: { userId: string; day: string; startMinute?: number | null; minutes?: number | null }): string {
	const id = uuidv7();
	upsertRecord(doc, 'visits', id, { userId: visit.userId, day: visit.day, startMinute: visit.startMinute ?? null, minutes: visit.minutes ?? null, deletedAt: null });
	return id;
}

/** Moves a visit to another tech or day (a drag on the dispatch board), or removes it. */
export function moveVisit(doc: Y.Doc, id: string, fields: { userId?: string; day?: string; startMinute?: number | null; deletedAt?: string | null }): void {
	upsertRecord(doc, 'visits', id, fields as PlainRecord);
}

/** Records a file attached to the ticket; its bytes follow through the upload queue. */
/** The page a ticket's notifications and mails open: staff's ticket page, or the contact's in the portal. */
export const ticketLink = (ticketId: string) => `/service-desk/tickets/${ticketId}`;
export const portalTicketLink = (ticketId: string) => `/portal/tickets/${ticketId}`;

/** The label people quote: `T-1042`, or a provisional one until the server has numbered it. */
export function ticketLabel(number: number | null, ticketId: string): string {
	return number === null ? `new·${ticketId.slice(-4)}` : `T-${number}`;
}
