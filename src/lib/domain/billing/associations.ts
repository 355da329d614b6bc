import type { PlanBasis, ProgramRecord } from '../catalog/billing-schema.js';
import type { PlanAssociationRecord } from '../contracts/billing-schema.js';
import type { DeviceCounts } from './recurring.js';

/**
 * Service plans associated with customers (each association is one of the
 * customer's service items): who has a plan now, the quantities it bills
 * (set by hand, or counted from the customer's devices and contacts), and
 * what associating and dissociating write.
 */

export type QuantityKey = keyof DeviceCounts;

export const QUANTITY_LABELS: Record<QuantityKey, string> = {
	workstations: 'Workstations',
	servers: 'Servers',
	mobiles: 'Mobile devices',
	users: 'Users'
};

const ONE: Record<QuantityKey, string> = { workstations: 'workstation', servers: 'server', mobiles: 'mobile device', users: 'user' };

/** "1 server", "12 workstations" */
export function quantityText(key: QuantityKey, value: number): string {
	return `${value} ${value === 1 ? ONE[key] : QUANTITY_LABELS[key].toLowerCase()}`;
}

/** The quantities a plan of this basis bills by; a flat plan bills one of itself. */
export function quantityKeys(basis: PlanBasis): QuantityKey[] {
	if (basis === 'flat') return [];
	return basis === 'users' ? ['users'] : ['workstations', 'servers', 'mobiles'];
}

export const NO_COUNTS: DeviceCounts = { workstations: 0, servers: 0, mobiles: 0, users: 0 };

const DEVICE_KEYS: Record<string, QuantityKey> = { workstation: 'workstations', server: 'servers', mobile: 'mobiles' };

type Counted = { deletedAt?: unknown };

/** One customer's billable devices by type and its contacts (the users a per-user plan counts); deleted ones do not count. */
export function countsOf(devices: Iterable<Counted & { type?: unknown }>, contacts: Iterable<Counted>): DeviceCounts {
	const counts = { ...NO_COUNTS };
	for (const device of devices) {
		const key = device.deletedAt ? undefined : DEVICE_KEYS[String(device.type)];
		if (key) counts[key] += 1;
	}
	for (const contact of contacts) if (!contact.deletedAt) counts.users += 1;
	return counts;
}

/** Every customer's counts (countsOf), from the row index's devices and contacts. */
export function countsByCustomer(
	devices: Iterable<Counted & { customerId: string; type: unknown }>,
	contacts: Iterable<Counted & { customerId: string }>
): Map<string, DeviceCounts> {
	const rows = new Map<string, { devices: (Counted & { type: unknown })[]; contacts: Counted[] }>();
	const of = (customerId: string) => rows.get(customerId) ?? rows.set(customerId, { devices: [], contacts: [] }).get(customerId)!;
	for (const device of devices) of(device.customerId).devices.push(device);
	for (const contact of contacts) of(contact.customerId).contacts.push(contact);
	return new Map([...rows].map(([customerId, own]) => [customerId, countsOf(own.devices, own.contacts)]));
}

/** A quantity as the plan bills it: the one set by hand, else the count. */
export function quantityOf(association: Pick<PlanAssociationRecord, QuantityKey>, key: QuantityKey, counts: DeviceCounts): { value: number; counted: boolean } {
	const set = association[key];
	return set === null ? { value: counts[key], counted: true } : { value: set, counted: false };
}

type Dated = Pick<PlanAssociationRecord, 'start' | 'end' | 'deletedAt'>;

/** The customer has the plan on `today` or will: not deleted, not ended before it. */
export function isCurrent(association: Dated, today: string): boolean {
	return !association.deletedAt && (association.end === null || association.end >= today);
}

/**
 * What dissociating writes: the last day served is `endOn` (or the earlier
 * end the association already had); one that has not started by then never
 * billed, so it is deleted instead.
 */
export function dissociation(association: Dated, endOn: string, now = new Date()): { end: string } | { deletedAt: string } {
	if (!association.start || association.start > endOn) return { deletedAt: now.toISOString() };
	return { end: association.end !== null && association.end < endOn ? association.end : endOn };
}

/** The terms a bulk association gives every customer. */
export interface AssociationTerms {
	cycle: PlanAssociationRecord['cycle'];
	start: string;
	dueDays: number | null;
	billToEmail: string | null;
	contractId?: string | null;
}

export type NewAssociation = Omit<PlanAssociationRecord, 'id' | 'deletedAt'>;

/**
 * One association per customer that does not have the plan now, with the
 * quantities left to be counted; `already` names the customers skipped.
 */
export function associationsFor(
	planId: string,
	customerIds: readonly string[],
	existing: readonly PlanAssociationRecord[],
	terms: AssociationTerms,
	today: string
): { add: NewAssociation[]; already: string[] } {
	const having = new Set(existing.filter((a) => a.planId === planId && isCurrent(a, today)).map((a) => a.customerId));
	const add: NewAssociation[] = [];
	const already: string[] = [];
	for (const customerId of new Set(customerIds)) {
		if (having.has(customerId)) {
			already.push(customerId);
			continue;
		}
		add.push({
			customerId,
			planId,
			contractId: terms.contractId ?? null,
			cycle: terms.cycle,
			dueDays: terms.dueDays,
			billToEmail: terms.billToEmail,
			start: terms.start,
			end: null,
			workstations: null,
			servers: null,
			mobiles: null,
			users: null,
			priceOverride: null
		});
	}
	return { add, already };
}

/** The program's plans this customer does not have now, in the program's order. */
export function missingProgramPlans(program: Pick<ProgramRecord, 'planIds'>, customerAssociations: readonly PlanAssociationRecord[], today: string): string[] {
	const having = new Set(customerAssociations.filter((a) => isCurrent(a, today)).map((a) => a.planId));
	return [...new Set(program.planIds)].filter((id) => !having.has(id));
}
