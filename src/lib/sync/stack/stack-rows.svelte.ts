import { liveQuery } from 'dexie';
import type { LocalCustomer, LocalDb, LocalDeployment } from '../db.js';

/**
 * Every deployment and customer of the row index, live: what the stack's
 * usage figures and the spend dashboard are computed from. Read whole, once
 * per change, and aggregated in memory (see productUsage): 20,000 rows read
 * in one go cost far less than a query per product.
 */
export class StackRows {
	deployments: LocalDeployment[] = $state.raw([]);
	customers: ReadonlyMap<string, LocalCustomer> = $state.raw(new Map());
	/** the index has answered once */
	loaded = $state(false);

	/** Whether a customer's money and usage count: not when it is deleted. */
	readonly counts = (customerId: string): boolean => !this.customers.get(customerId)?.deletedAt;

	/** Follows the row index; returns the function that stops. */
	follow(db: LocalDb): () => void {
		const subscription = liveQuery(() => Promise.all([db.deployments.toArray(), db.customers.toArray()])).subscribe({
			next: ([deployments, customers]) => {
				this.deployments = deployments;
				this.customers = new Map(customers.map((c) => [c.id, c]));
				this.loaded = true;
			},
			error: (error) => {
				console.warn('stack: could not read the row index', error);
				this.loaded = true;
			}
		});
		return () => subscription.unsubscribe();
	}

	customerName(id: string): string {
		return this.customers.get(id)?.name ?? 'Unknown customer';
	}

	/** Live customers by name, for pickers and filters. */
	liveCustomers(): LocalCustomer[] {
		return [...this.customers.values()].filter((c) => !c.deletedAt).sort((a, b) => a.nameKey.localeCompare(b.nameKey));
	}
}
