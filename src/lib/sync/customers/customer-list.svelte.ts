import { liveQuery } from 'dexie';
import type { LocalCustomer } from '../db.js';
import { useSync } from '../engine.svelte.js';
import { filterCustomers, type CustomerSort, type StatusFilter } from './list-filter.js';

const PAGE_SIZE = 100;

export class CustomerList {
	rows: LocalCustomer[] = $state.raw([]);
	/** the index has answered once (so an empty list is really empty) */
	loaded = $state(false);
	search = $state('');
	sort: CustomerSort = $state('name');
	status: StatusFilter = $state('');
	showDeleted = $state(false);

	readonly visible = $derived(
		filterCustomers(this.rows, { search: this.search, status: this.status, sort: this.sort, deleted: false })
	);
	readonly deleted = $derived(
		filterCustomers(this.rows, { search: this.search, status: this.status, sort: this.sort, deleted: true })
	);
	readonly total = $derived(this.rows.filter((row) => !row.deletedAt).length);
	/** how many of the matching customers are on screen: a page at a time keeps a big list instant */
	shown = $state(PAGE_SIZE);
	readonly page = $derived(this.visible.slice(0, this.shown));

	showMore(): void {
		this.shown += PAGE_SIZE;
	}

	get filtering(): boolean {
		return this.search.trim() !== '' || this.status !== '';
	}

	clearFilters(): void {
		this.search = '';
		this.status = '';
	}

	/** Follows the row index (browser only; call from an effect). Returns the function that stops. */
	start(): () => void {
		let stopped = false;
		let unsubscribe = () => {};
		void useSync().then((engine) => {
			if (stopped) return;
			const subscription = liveQuery(() => engine.db.customers.toArray()).subscribe({
				next: (rows) => {
					this.rows = rows;
					this.loaded = true;
				},
				error: () => (this.loaded = true)
			});
			unsubscribe = () => subscription.unsubscribe();
		});
		return () => {
			stopped = true;
			unsubscribe();
		};
	}
}
