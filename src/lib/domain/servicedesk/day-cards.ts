import { todayIn } from '../today.js';
import type { SlaReading } from '../sla/clock.js';
import { doneStatuses, type ServiceDesk } from './read.js';
import { ticketSla, type SlaTicket } from './ticket-sla.js';

/**
 * The dashboard's day at a glance: the open tickets due today, those overdue,
 * those at risk of breaching their SLA, and the tickets finished today — each
 * counted once, in the first of overdue, due, at risk that fits.
 */

export interface DayTicket extends SlaTicket {
	customerId: string | null;
	status: string | null;
	dueDate: string | null;
	statusSince: string | null;
}

export interface DayCards<T> {
	due: T[];
	overdue: T[];
	atRisk: T[];
	done: T[];
}

export interface DayContext {
	desk: ServiceDesk;
	/** the SLA policy a customer's agreement names (null: the default) */
	policyOf: (customerId: string | null) => string | null;
	timeZone: string;
	now: Date;
}

const breached = (sla: SlaReading | null) => sla?.firstResponse?.state === 'breached' || sla?.resolution?.state === 'breached';
const atRisk = (sla: SlaReading | null) => sla?.firstResponse?.state === 'at-risk' || sla?.resolution?.state === 'at-risk';

export function dayCards<T extends DayTicket>(tickets: readonly T[], context: DayContext): DayCards<T> {
	const today = todayIn(context.timeZone, context.now);
	const done = doneStatuses(context.desk);
	const day = (iso: string | null) => (iso ? todayIn(context.timeZone, new Date(iso)) : null);
	const cards: DayCards<T> = { due: [], overdue: [], atRisk: [], done: [] };
	for (const ticket of tickets) {
		if (ticket.status !== null && done.has(ticket.status)) {
			if (day(ticket.statusSince) === today) cards.done.push(ticket);
			continue;
		}
		const sla = ticketSla(context.desk, ticket, context.policyOf(ticket.customerId), context.now);
		if (breached(sla) || (ticket.dueDate !== null && ticket.dueDate < today)) cards.overdue.push(ticket);
		else if (ticket.dueDate === today || day(sla?.resolution?.dueAt ?? null) === today) cards.due.push(ticket);
		else if (atRisk(sla)) cards.atRisk.push(ticket);
	}
	return cards;
}
