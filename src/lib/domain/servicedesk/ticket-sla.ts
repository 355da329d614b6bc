import type { TicketEvent } from '../ticket/events.js';
import type { SlaLogEntry } from '../ticket/projection.js';
import { readSla, type SlaReading } from '../sla/clock.js';
import { policyFor, type ServiceDesk } from './read.js';

/** What a ticket row gives the SLA clock (lists, reports, rules read rows, not documents). */
export interface SlaTicket {
	id: string;
	createdAt: string | null;
	firstResponseAt: string | null;
	priority: string | null;
	slaLog: readonly SlaLogEntry[];
}

/** The row's status and priority changes as the clock's event log (times already effective). */
export function slaEvents(ticket: SlaTicket): TicketEvent[] {
	return ticket.slaLog.map(([at, field, value], i) => ({ id: `${ticket.id}:${String(i).padStart(6, '0')}`, at, by: null, field, value }));
}

/**
 * A ticket's SLA clocks at `now` under the policy its customer's agreement
 * names (`policyId`), else the tenant's default; null when neither exists.
 */
export function ticketSla(desk: ServiceDesk, ticket: SlaTicket, policyId: string | null, now: Date): SlaReading | null {
	const policy = policyFor(desk, policyId);
	if (!policy || !ticket.createdAt) return null;
	return readSla(policy, { createdAt: ticket.createdAt, firstResponseAt: ticket.firstResponseAt, priority: ticket.priority ?? 'normal', events: slaEvents(ticket) }, now);
}
