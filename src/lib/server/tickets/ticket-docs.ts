import type * as Y from 'yjs';
import { createTicket, newTicketId, ticketDocName, type Author, type NewTicket } from '#lib/domain/ticket/edits.js';
import type { Db } from '../db/index.js';
import { publishLive, writeStoredEdits, type StoredEdit } from '../documents/edit-stored.js';

/**
 * Tickets the server makes or changes itself (an alert, a mail, a portal
 * request, a rule's action): the same edit functions the browser uses, applied
 * to the stored document and appended to its log like a client's update, so
 * the materializer projects them and open copies merge them.
 *
 * Each function runs in the caller's transaction when `db` is one and returns
 * the edits, to be published to live documents once it commits (`publishLive`).
 */

/** A ticket to make: its fields, and anything more its document starts with (a mail's files). */
export interface TicketToMake {
	id?: string;
	fields: NewTicket;
	more?: (doc: Y.Doc) => void;
}

export async function writeNewTickets(db: Db, tenantId: string, tickets: TicketToMake[], author: Author): Promise<{ ids: string[]; edits: StoredEdit[] }> {
	const made = tickets.map((t) => ({ ...t, id: t.id ?? newTicketId() }));
	const byName = new Map(made.map((t) => [ticketDocName(tenantId, t.id), t]));
	const edits = await writeStoredEdits(db, tenantId, [...byName.keys()], (name, doc) => {
		const ticket = byName.get(name)!;
		createTicket(doc, ticket.id, ticket.fields, author);
		ticket.more?.(doc);
	});
	return { ids: made.map((t) => t.id), edits };
}

/** Applies `edit` to each named ticket's stored document. */
export function writeTicketEdits(db: Db, tenantId: string, ticketIds: string[], edit: (ticketId: string, doc: Y.Doc) => void): Promise<StoredEdit[]> {
	const byName = new Map(ticketIds.map((id) => [ticketDocName(tenantId, id), id]));
	return writeStoredEdits(db, tenantId, [...byName.keys()], (name, doc) => edit(byName.get(name)!, doc));
}

/** Makes one ticket outside any transaction and shows it in open copies; returns its id. */
export async function createServerTicket(db: Db, tenantId: string, fields: NewTicket, author: Author): Promise<string> {
	const { ids, edits } = await writeNewTickets(db, tenantId, [{ fields }], author);
	publishLive(edits);
	return ids[0];
}

/** Changes tickets outside any transaction and shows the change in open copies. */
export async function editServerTickets(db: Db, tenantId: string, ticketIds: string[], edit: (ticketId: string, doc: Y.Doc) => void): Promise<void> {
	publishLive(await writeTicketEdits(db, tenantId, ticketIds, edit));
}
