import type * as Y from 'yjs';
import { projectCollection, type Problem } from '../documents/project.js';
import type { SlaPolicy } from '../sla/clock.js';
import { slaPolicy } from './hours.js';
import {
	calendarRecord,
	DEFAULT_STATUS_RECORDS,
	queueRecord,
	ruleRecord,
	slaPolicyRecord,
	statusRecord,
	ticketTypeRecord,
	type CalendarRecord,
	type QueueRecord,
	type RuleRecord,
	type SlaPolicyRecord,
	type StatusRecord,
	type TicketTypeRecord
} from './settings.js';

/** The service desk's settings as read from the catalog document; the server's rule runner and the browser read the same. */
export interface ServiceDesk {
	/** the tenant's queues, Triage always among them; a ticket's queue event holds a queue's id */
	queues: QueueRecord[];
	/** the tenant's statuses, or the defaults while it has defined none */
	statuses: StatusRecord[];
	ticketTypes: TicketTypeRecord[];
	calendars: CalendarRecord[];
	slaPolicies: SlaPolicyRecord[];
	rules: RuleRecord[];
	/** records that failed validation, left out (the Sync problems page shows the catalog's) */
	problems: Problem[];
}

/**
 * Where tickets nobody could place land (an alert or mail from an unknown
 * sender): a queue every tenant has, whether or not the catalog names it.
 */
export const TRIAGE_QUEUE = { id: 'triage', name: 'Triage', rank: null, deletedAt: null } as const;

const withTriage = (queues: QueueRecord[]) => (queues.some((q) => q.id === TRIAGE_QUEUE.id) ? queues : [...queues, { ...TRIAGE_QUEUE }]);

const live = <R extends { deletedAt: string | null }>(records: R[]) => records.filter((r) => !r.deletedAt);

export function readServiceDesk(catalog: Y.Doc): ServiceDesk {
	const problems: Problem[] = [];
	const statuses = projectCollection(catalog, 'ticketStatuses', statusRecord, {}, problems);
	return {
		queues: withTriage(projectCollection(catalog, 'queues', queueRecord, {}, problems)),
		statuses: statuses.length > 0 ? statuses : DEFAULT_STATUS_RECORDS.map((s) => ({ ...s, rank: null, deletedAt: null })),
		ticketTypes: projectCollection(catalog, 'ticketTypes', ticketTypeRecord, {}, problems),
		calendars: projectCollection(catalog, 'calendars', calendarRecord, {}, problems),
		slaPolicies: projectCollection(catalog, 'slaPolicies', slaPolicyRecord, {}, problems),
		rules: projectCollection(catalog, 'rules', ruleRecord, {}, problems),
		problems
	};
}

// one SlaPolicy per record and desk: its calendar's opening spans are cached per calendar object,
// so 10,000 tickets under one policy share one calendar rather than each building its own
const policies = new WeakMap<ServiceDesk, Map<string | null, SlaPolicy | null>>();

/**
 * The SLA policy a ticket is held to: the one its customer's agreement names,
 * else the tenant's default; null when there is neither.
 */
export function policyFor(desk: ServiceDesk, policyId: string | null): SlaPolicy | null {
	let known = policies.get(desk);
	if (!known) policies.set(desk, (known = new Map()));
	let policy = known.get(policyId);
	if (policy === undefined) known.set(policyId, (policy = buildPolicy(desk, policyId)));
	return policy;
}

function buildPolicy(desk: ServiceDesk, policyId: string | null): SlaPolicy | null {
	const policies = live(desk.slaPolicies);
	const record = policies.find((p) => p.id === policyId) ?? policies.find((p) => p.isDefault) ?? null;
	if (!record) return null;
	return slaPolicy(record, desk.calendars.find((c) => c.id === record.calendarId && !c.deletedAt), desk.statuses);
}

/** The statuses that end a ticket's work. */
export function doneStatuses(desk: ServiceDesk): Set<string> {
	return new Set(live(desk.statuses).filter((s) => s.done).map((s) => s.id));
}
