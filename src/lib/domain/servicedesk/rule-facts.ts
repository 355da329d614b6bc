import type { WorkflowField } from '../ticket/events.js';
import type { SlaLogEntry } from '../ticket/projection.js';
import type { ServiceDesk } from './read.js';
import type { TicketFacts } from './rules.js';
import { ticketSla } from './ticket-sla.js';

/**
 * A ticket as the rule runner reads it from Postgres: its row (projection.ts
 * TicketRow), its customer's class and lead tech, and the SLA policy its
 * customer's agreement names.
 */
export interface RuleTicketRow extends Omit<TicketFacts, 'ticketId' | 'done' | 'slaBreached'> {
	id: string;
	createdAt: string | null;
	firstResponseAt: string | null;
	slaLog: SlaLogEntry[];
	/** from the customer's agreement; null: the tenant's default policy */
	slaPolicyId: string | null;
}

/**
 * The facts the rules test, at `now`. Whether the resolution target is
 * breached is worked out only when a rule asks (an `overdue` condition after
 * its cheaper ones), since the SLA clock is the costly part of a tick.
 */
export function ticketFacts(row: RuleTicketRow, desk: ServiceDesk, done: ReadonlySet<string>, now: Date): TicketFacts {
	let breached: boolean | undefined;
	// createdAt, firstResponseAt, slaLog and slaPolicyId are what the SLA clock reads; the rest are facts
	const { id, createdAt, firstResponseAt, slaLog, slaPolicyId, ...fields } = row;
	return {
		ticketId: id,
		...fields,
		done: row.status !== null && done.has(row.status),
		get slaBreached() {
			breached ??= ticketSla(desk, row, row.slaPolicyId, now)?.resolution?.state === 'breached';
			return breached;
		}
	};
}

/**
 * The facts after a rule's changes, for the rules after it in the same pass.
 * The SLA reading stays the stored one: the clock counts changes once the
 * server has them.
 */
export function withChanges(facts: TicketFacts, changes: readonly { field: WorkflowField; value: string }[], done: ReadonlySet<string>): TicketFacts {
	if (changes.length === 0) return facts;
	// copied with its property descriptors, so the SLA reading stays lazy
	const next = Object.defineProperties({}, Object.getOwnPropertyDescriptors(facts)) as TicketFacts;
	for (const { field, value } of changes) next[field] = value;
	next.done = next.status !== null && done.has(next.status);
	return next;
}
