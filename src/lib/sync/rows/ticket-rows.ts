import { projectTicket } from '#lib/domain/ticket/projection.js';
import type { RowKind } from './kind.js';

/**
 * Ticket documents: the ticket row lists and boards read, and its visits (the
 * dispatch board). The timeline and the thread stay in the document: the page
 * of one ticket reads them there.
 */
export const TICKET_ROWS: RowKind = {
	kind: 'ticket',
	tables: ['tickets', 'ticketVisits'],
	derived: [],
	store: (_table, row) => row,
	project(docName, doc) {
		if (doc.getMap('ticket').size === 0) return null;
		const { tickets, ticketVisits } = projectTicket(docName, doc);
		return { tickets, ticketVisits };
	}
};
