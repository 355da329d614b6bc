import type { DeploymentRow } from '../customer/projection.js';

/** What the stack needs of a deployment row (the row index and the server's table both have these). */
export type DeploymentFacts = Pick<DeploymentRow, 'productId' | 'customerId' | 'quantity' | 'deletedAt'>;

/** How widely one product is deployed. */
export interface Usage {
	/** the customers running it, each once however many deployments (sites) they have */
	customerIds: Set<string>;
	/** units deployed, summed over every deployment */
	quantity: number;
}

/**
 * Per-product usage in ONE pass over every deployment of the tenant (20,000
 * rows for a large MSP): a map lookup per row, no sorting, no per-product
 * scan. Deleted deployments, and those of customers `counts` rejects
 * (deleted customers), are left out.
 */
export function productUsage(deployments: Iterable<DeploymentFacts>, counts: (customerId: string) => boolean = () => true): Map<string, Usage> {
	const usage = new Map<string, Usage>();
	for (const row of deployments) {
		if (row.deletedAt || !counts(row.customerId)) continue;
		let entry = usage.get(row.productId);
		if (!entry) {
			entry = { customerIds: new Set(), quantity: 0 };
			usage.set(row.productId, entry);
		}
		entry.customerIds.add(row.customerId);
		entry.quantity += row.quantity;
	}
	return usage;
}

/** A unit amount (minor units, null when not set) times a quantity: price × quantity is the monthly value. */
export function times(unitAmount: number | null, quantity: number): number {
	return (unitAmount ?? 0) * quantity;
}
