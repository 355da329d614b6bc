import type { ProductUnit } from './catalog-list.js';

/** Rolling a product out to many customers, and changing the quantity of many deployments at once. */

/** The devices a per-device product is billed for (DESIGN.md §5: workstation, server, mobile). */
export const BILLABLE_DEVICE_TYPES: readonly string[] = ['workstation', 'server', 'mobile'];

export const MAX_QUANTITY = 1_000_000;

/** Billable devices per customer, in one pass over the devices rows; deleted devices do not count. */
export function billableDevices(devices: Iterable<{ customerId: string; type: string; deletedAt: string | null }>): Map<string, number> {
	const counts = new Map<string, number>();
	for (const device of devices) {
		if (device.deletedAt || !BILLABLE_DEVICE_TYPES.includes(device.type)) continue;
		counts.set(device.customerId, (counts.get(device.customerId) ?? 0) + 1);
	}
	return counts;
}

/** How many units each customer gets: one number for all, or each customer's billable device count. */
export type QuantityRule = { kind: 'fixed'; quantity: number } | { kind: 'devices' };

/** A per-device product starts from each customer's billable devices; a per-user or flat one from one number for all. */
export function defaultRule(unit: ProductUnit): QuantityRule['kind'] {
	return unit === 'per-device' ? 'devices' : 'fixed';
}

export function quantityFor(rule: QuantityRule, customerId: string, devices: ReadonlyMap<string, number>): number {
	return rule.kind === 'fixed' ? rule.quantity : (devices.get(customerId) ?? 0);
}

/** Set the quantity to a number, or add a number to it (negative takes away). */
export interface QuantityChange {
	mode: 'set' | 'add';
	quantity: number;
}

/** The new quantity, kept within what a deployment may hold (0 … MAX_QUANTITY). */
export function changedQuantity(current: number, change: QuantityChange): number {
	const next = change.mode === 'set' ? change.quantity : current + change.quantity;
	return Math.min(MAX_QUANTITY, Math.max(0, Math.round(next)));
}

interface DeploymentLike {
	id?: unknown;
	productId?: unknown;
	siteId?: unknown;
	since?: unknown;
	deletedAt?: unknown;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/**
 * Of a customer's deployments, the one a rollout updates instead of adding a
 * duplicate: a live deployment of the product, the customer-wide one (no site)
 * first, then the oldest. Undefined when the customer does not run it.
 */
export function deploymentToUpdate<D extends DeploymentLike>(deployments: readonly D[], productId: string): D | undefined {
	const rank = (d: D) => [d.siteId ? 1 : 0, text(d.since) || '9999', text(d.id)].join('|');
	return deployments
		.filter((d) => d.productId === productId && !d.deletedAt)
		.sort((a, b) => rank(a).localeCompare(rank(b)))[0];
}

/**
 * Per customer, the quantity of the deployment a rollout of the product would
 * update (deploymentToUpdate); customers not running it are absent.
 */
export function currentQuantities<D extends DeploymentLike & { customerId: string; quantity: number }>(deployments: readonly D[], productId: string): Map<string, number> {
	const byCustomer = new Map<string, D[]>();
	for (const d of deployments) {
		if (d.productId !== productId || d.deletedAt) continue;
		const rows = byCustomer.get(d.customerId);
		if (rows) rows.push(d);
		else byCustomer.set(d.customerId, [d]);
	}
	return new Map([...byCustomer].map(([customerId, rows]) => [customerId, deploymentToUpdate(rows, productId)?.quantity ?? 0]));
}

export type RolloutAction = 'add' | 'update' | 'unchanged';

/** One customer of a rollout's preview: what it will run, what it runs now, and so what the rollout does. */
export interface RolloutLine {
	customerId: string;
	name: string;
	quantity: number;
	/** the quantity of the deployment it updates; null when the customer does not run the product */
	current: number | null;
	action: RolloutAction;
}

export function rolloutLines(
	customers: readonly { id: string; name: string }[],
	quantityOf: (customerId: string) => number,
	current: ReadonlyMap<string, number>
): RolloutLine[] {
	return customers.map(({ id, name }) => {
		const quantity = quantityOf(id);
		const now = current.get(id) ?? null;
		const action: RolloutAction = now === null ? 'add' : now === quantity ? 'unchanged' : 'update';
		return { customerId: id, name, quantity, current: now, action };
	});
}

/** How many customers each action concerns, and the units the product will count across them. */
export function rolloutSummary(lines: readonly RolloutLine[]): Record<RolloutAction, number> & { units: number } {
	const summary = { add: 0, update: 0, unchanged: 0, units: 0 };
	for (const line of lines) {
		summary[line.action] += 1;
		summary.units += line.quantity;
	}
	return summary;
}
