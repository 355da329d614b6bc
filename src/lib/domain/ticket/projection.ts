import type * as Y from 'yjs';
import { parseDocName } from '../documents/names.js';
import { projectCollection, validateRecord, type Problem } from '../documents/project.js';
import { currentValues, effectiveAt, orderedEvents, type FirstSeen } from './events.js';
import { checklistItemRecord, eventRecord, ticketNoteRecord, ticketRecord, visitRecord, type EventRecord, type TicketNoteRecord, type TicketRecord, type VisitRecord } from './schema.js';

/** A ticket as lists, boards, rules and the portal read it: its fields and the current workflow values. */
export interface TicketRow extends Omit<TicketRecord, 'relatedIds'> {
	/** the server's number; null until the ticket has reached the server */
	number: number | null;
	/** the co-edited description (the document's Y.Text `description`), as plain text */
	description: string | null;
	relatedIds: string[];
	status: string | null;
	priority: string | null;
	assignee: string | null;
	queue: string | null;
	/** when the current status began (effective time) */
	statusSince: string | null;
	/** the first public note by staff: the first response */
	firstResponseAt: string | null;
	/** the latest change by a person (an event or a note; rules and alerts do not count): what "idle for 10 minutes" is measured from */
	lastActivityAt: string | null;
	/**
	 * The status and priority changes as `[effectiveAt, field, value]`, oldest
	 * first: what the SLA clock reads, so lists and reports compute it without
	 * the ticket's document.
	 */
	slaLog: SlaLogEntry[];
	checklistDone: number;
	checklistTotal: number;
}

export type SlaLogEntry = [at: string, field: 'status' | 'priority', value: string | null];

export type TicketEventRow = EventRecord & { ticketId: string; effectiveAt: string };
export type TicketNoteRow = TicketNoteRecord & { ticketId: string };
export type TicketVisitRow = VisitRecord & { ticketId: string };

export interface TicketProjection {
	tickets: TicketRow[];
	ticketEvents: TicketEventRow[];
	ticketNotes: TicketNoteRow[];
	ticketVisits: TicketVisitRow[];
	problems: Problem[];
}

const latest = (a: string | null, b: string | null) => (a === null || (b !== null && b > a) ? b : a);

/**
 * The facts the server stamps into a ticket document (decision 017): its
 * number, and when it first received each workflow event.
 */
export const STAMPS = 'stamps';
export const seenKey = (eventId: string) => `seen:${eventId}`;

export function readStamps(doc: Y.Doc): { number: number | null; firstSeen: FirstSeen } {
	const stamps = doc.getMap(STAMPS);
	const firstSeen = new Map<string, string>();
	for (const [key, value] of stamps) if (key.startsWith('seen:') && typeof value === 'string') firstSeen.set(key.slice(5), value);
	const number = stamps.get('number');
	return { number: typeof number === 'number' && Number.isSafeInteger(number) ? number : null, firstSeen };
}

/** Changes made by a workflow rule ("rule: NAME") or an alert ("alert: SOURCE"): not a person working on the ticket. */
export const isMachine = (by: string | null) => by !== null && /^(rule|alert):/.test(by);

function slaLog(events: TicketEventRow[], firstSeen: FirstSeen): SlaLogEntry[] {
	return orderedEvents(events, firstSeen)
		.filter((e): e is typeof e & { field: 'status' | 'priority' } => e.field === 'status' || e.field === 'priority')
		.map((e) => [e.effectiveAt, e.field, e.value]);
}

/**
 * `T:ticket:ID` → its rows. Pure and deterministic over the document, stamps
 * included, so the materializer and every browser agree on a ticket's current
 * status.
 */
export function projectTicket(docName: string, doc: Y.Doc): TicketProjection {
	const name = parseDocName(docName);
	if (!name || name.kind !== 'ticket' || name.parts.length !== 1) throw new Error(`not a ticket document: ${docName}`);
	const ticketId = name.parts[0];
	const problems: Problem[] = [];
	const extra = { ticketId };
	const { number, firstSeen } = readStamps(doc);
	const events = projectCollection(doc, 'events', eventRecord, extra, problems).map((e) => ({ ...e, effectiveAt: effectiveAt(e, firstSeen) }));
	const notes = projectCollection(doc, 'notes', ticketNoteRecord, extra, problems);
	const checklist = projectCollection(doc, 'checklist', checklistItemRecord, {}, problems).filter((item) => !item.deletedAt);
	const visits = projectCollection(doc, 'visits', visitRecord, extra, problems);
	const entity = doc.getMap('ticket');
	const ticket = entity.size > 0 ? validateRecord(ticketRecord, 'ticket', ticketId, entity, problems) : undefined;
	if (!ticket) return { tickets: [], ticketEvents: events, ticketNotes: notes, ticketVisits: visits, problems };

	const current = currentValues(events, firstSeen);
	const statusEvents = events.filter((e) => e.field === 'status' && e.value === current.status);
	const liveNotes = notes.filter((n) => !n.deletedAt);
	const firstResponse = liveNotes.filter((n) => n.visibility === 'public' && n.origin === 'staff' && n.at).map((n) => n.at!).sort()[0] ?? null;
	const byPeople = [...events.filter((e) => !isMachine(e.by)).map((e) => e.effectiveAt), ...liveNotes.filter((n) => n.origin !== 'alert').map((n) => n.at)];
	const lastActivity = byPeople.reduce<string | null>(latest, ticket.createdAt);
	return {
		tickets: [
			{
				...ticket,
				number,
				description: doc.getText('description').toString() || null,
				...current,
				statusSince: statusEvents.map((e) => e.effectiveAt).reduce<string | null>(latest, null),
				firstResponseAt: firstResponse,
				lastActivityAt: lastActivity,
				checklistDone: checklist.filter((item) => item.done).length,
				checklistTotal: checklist.length,
				slaLog: slaLog(events, firstSeen)
			}
		],
		ticketEvents: events,
		ticketNotes: notes,
		ticketVisits: visits,
		problems
	};
}
