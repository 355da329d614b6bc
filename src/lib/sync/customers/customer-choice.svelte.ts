import { CustomerList } from './customer-list.svelte.js';

/** customers listed at once; "Show more" and "select all matching" reach the rest */
const LISTED = 50;

/**
 * Several customers chosen from the row index at once (a rollout, a plan
 * associated with many): searchable, with "select all matching" reaching
 * customers not listed yet.
 */
export class CustomerChoice {
	/** every live customer of the row index, searched by `list.search` */
	readonly list = new CustomerList();
	chosen: ReadonlySet<string> = $state.raw(new Set());
	shown = $state(LISTED);
	readonly listed = $derived(this.list.visible.slice(0, this.shown));

	/** `onchoose`: the choice changed (a form clears its "choose at least one" message) */
	constructor(private readonly onchoose: () => void = () => {}) {}

	/** Follows the customers (browser only; call from an effect). */
	start(): () => void {
		return this.list.start();
	}

	toggle(customerId: string): void {
		const next = new Set(this.chosen);
		if (!next.delete(customerId)) next.add(customerId);
		this.choose(next);
	}

	/** Adds every customer matching the search (not only those listed). */
	selectAllMatching(): void {
		this.choose(new Set([...this.chosen, ...this.list.visible.map((c) => c.id)]));
	}

	clear(): void {
		this.choose(new Set());
	}

	showMore(): void {
		this.shown += LISTED;
	}

	/** The chosen customers that are still live, by name. */
	chosenRows() {
		return this.list.rows.filter((c) => this.chosen.has(c.id) && !c.deletedAt).sort((a, b) => a.nameKey.localeCompare(b.nameKey));
	}

	private choose(chosen: ReadonlySet<string>) {
		this.chosen = chosen;
		this.onchoose();
	}
}
