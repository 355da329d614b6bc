import { liveQuery } from 'dexie';
import type { LocalCustomer } from '../db.js';
import { useSync, type SyncEngine } from '../engine.svelte.js';
import type { PinState } from '../pins.svelte.js';
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
	private sync: SyncEngine | null = $state.raw(null);
	/** every customer of the list (as searched and filtered) is kept offline */
	readonly allKept = $derived(this.visible.length > 0 && this.visible.every((row) => this.pinState(row.docName)));

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

	pinState(docName: string): PinState | null {
		return this.sync?.offline.pins.state(docName) ?? null;
	}

	/** The first downloads of customers kept offline, while some are not done. */
	get downloading(): { done: number; total: number } | null {
		const keeper = this.sync?.offline;
		return keeper && keeper.done < keeper.total ? { done: keeper.done, total: keeper.total } : null;
	}

	/** Keeps every customer of the list offline (all of them, not only the page on screen). */
	async keepAllOffline(): Promise<void> {
		await this.sync?.offline.pin(this.visible.map((row) => row.docName));
	}

	async stopKeepingOffline(): Promise<void> {
		await this.sync?.offline.unpin(this.visible.map((row) => row.docName));
	}

	/** Follows the row index (browser only; call from an effect). Returns the function that stops. */
	start(): () => void {
		let stopped = false;
		let unsubscribe = () => {};
		void useSync().then((engine) => {
			if (stopped) return;
			this.sync = engine;
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
