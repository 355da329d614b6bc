import { rolesFor } from '#lib/domain/auth/roles.js';
import { answersText, type RequestInput } from '#lib/domain/portal/requests.js';
import { addNote, changeWorkflow, ticketLabel, ticketLink } from '#lib/domain/ticket/edits.js';
import type { Db } from '../db/index.js';
import { invalid, notFound } from '../http/errors.js';
import { insertNotifications, membersWithRoles } from '../repositories/notifications.js';
import { assignedNumbers } from '../repositories/ticket-numbers.js';
import * as repo from '../repositories/portal-tickets.js';
import { statusAfterReply } from '../repositories/ticket-statuses.js';
import { createServerTicket, editServerTickets } from '../tickets/ticket-docs.js';
import type { PortalIdentity } from './accounts.js';

/**
 * A customer's contact and their company's tickets: requests submitted from
 * the portal become tickets (source "portal") written by the server on the
 * contact's behalf, and replies become public notes. What the portal shows is
 * read from the projections under row-level security (portal-tickets.ts).
 */

export const listTickets = (db: Db, who: PortalIdentity) => repo.listPortalTickets(db, who.tenantId, who.customerId);
export const requestTypes = (db: Db, who: PortalIdentity) => repo.portalRequestTypes(db, who.tenantId, who.customerId);

export async function readTicket(db: Db, who: PortalIdentity, ticketId: string) {
	const ticket = await findTicket(db, who, ticketId);
	if (!ticket) throw notFound('No such request at your company.');
	return ticket;
}

/** The ticket, or null: not the company's, or (a request sent a moment ago) not projected yet. */
export const findTicket = (db: Db, who: PortalIdentity, ticketId: string) => repo.readPortalTicket(db, who.tenantId, who.customerId, ticketId);

/** Submits a request of a type the portal offers; every follow-up question must be answered. */
export async function submitRequest(db: Db, who: PortalIdentity, input: RequestInput): Promise<{ id: string }> {
	const type = (await requestTypes(db, who)).find((t) => t.id === input.typeId);
	if (!type) throw invalid('Pick one of the request types offered.', { typeId: 'Pick one of the request types offered.' });
	const answers = answersText(type, input.answers);
	if ('missing' in answers) {
		const fields = Object.fromEntries(answers.missing.map((q) => [`answer-${type.questions.indexOf(q)}`, 'Please answer this question.']));
		throw invalid(`Please answer: ${answers.missing.join('; ')}`, fields);
	}
	const id = await createServerTicket(
		db,
		who.tenantId,
		{ title: input.title, source: 'portal', customerId: who.customerId, contactId: who.contactId, type: type.id, answers: answers.text, description: input.description ?? null },
		{ by: who.name }
	);
	await tellStaff(db, who, { title: `New request from ${who.name}: ${input.title}`, body: answers.text ?? '', link: ticketLink(id) });
	return { id };
}

/** A reply on one of the company's tickets: a public note; a ticket waiting on the customer, or done, is worked on again. */
export async function replyToTicket(db: Db, who: PortalIdentity, ticketId: string, body: string): Promise<void> {
	const ticket = await readTicket(db, who, ticketId);
	const resume = await statusAfterReply(db, who.tenantId, ticketId);
	await editServerTickets(db, who.tenantId, [ticketId], (_id, doc) => {
		addNote(doc, { body, visibility: 'public', origin: 'contact' }, { by: who.name });
		if (resume) changeWorkflow(doc, { status: resume }, { by: who.name });
	});
	const number = (await assignedNumbers(db, who.tenantId, [ticketId])).get(ticketId) ?? null;
	await tellStaff(db, who, { title: `${who.name} replied on ${ticketLabel(number, ticketId)}: ${ticket.title}`, body, link: ticketLink(ticketId) }, ticketId);
}

/** In-app notice to the ticket's assignee, or (none yet) to those who dispatch. */
async function tellStaff(db: Db, who: PortalIdentity, notice: { title: string; body: string; link: string }, ticketId?: string) {
	const assignee = ticketId ? await repo.assigneeOf(db, who.tenantId, ticketId) : null;
	const userIds = assignee ? [assignee] : (await membersWithRoles(db, who.tenantId, rolesFor('tickets.dispatch'))).map((m) => m.userId);
	await insertNotifications(db, who.tenantId, userIds.map((userId) => ({ userId, kind: 'ticket', ...notice, body: notice.body.slice(0, 500) })));
}
