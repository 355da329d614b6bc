import { liveQuery } from 'dexie';
import { usageOfStacks, type Usage } from '#lib/domain/stack/usage.js';
import type { LocalDb } from '../db.js';

/**
 * How widely each product of the catalog runs, live, from the index's packed
 * stacks (one small row per customer) rather than every deployment row: the
 * catalog list of a large MSP opens in a fraction of the time.
 */
export class CatalogUsage {
	/** product id → its customers and units (deleted customers left out) */
	usage: ReadonlyMap<string, Usage> = $state.raw(new Map());
	private names: ReadonlyMap<string, string | null> = $state.raw(new Map());
	/** the index has answered once */
	loaded = $state(false);

	/** Follows the index; returns the function that stops. */
	follow(db: LocalDb): () => void {
		const subscription = liveQuery(() => db.stacks.toArray()).subscribe({
			next: (stacks) => {
				this.usage = usageOfStacks(stacks);
				this.names = new Map(stacks.map((s) => [s.customerId, s.name]));
				this.loaded = true;
			},
			error: (error) => {
				console.warn('stack: could not read the packed stacks', error);
				this.loaded = true;
			}
		});
		return () => subscription.unsubscribe();
	}

	customerName(id: string): string {
		return this.names.get(id) ?? 'Unknown customer';
	}
}
