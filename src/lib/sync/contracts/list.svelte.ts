import type { ContractStatus } from '#lib/domain/contracts/schedule.js';
import type { ContractBook } from './book.svelte.js';
import { filterContracts, type ContractFilter, type ContractSort, type Listed } from './listing.js';

/** A contracts list's filters and what they let through, live as the contracts change. */
export class ContractList {
	search = $state('');
	/** a customer (or vendor) id */
	partyId = $state('');
	kind = $state('');
	status: ContractStatus | '' = $state('');
	sort: ContractSort = $state('deadline');

	readonly visible: Listed[];
	readonly deleted: Listed[];
	readonly total: number;

	constructor(book: ContractBook) {
		this.visible = $derived(filterContracts(book.listed, this.filter(false)));
		this.deleted = $derived(filterContracts(book.listed, this.filter(true)));
		this.total = $derived(book.listed.filter((row) => !row.deletedAt).length);
	}

	private filter(deleted: boolean): ContractFilter {
		return { search: this.search, partyId: this.partyId, kind: this.kind, status: this.status, sort: this.sort, deleted };
	}

	get filtering(): boolean {
		return this.search.trim() !== '' || this.partyId !== '' || this.kind !== '' || this.status !== '';
	}

	clearFilters(): void {
		this.search = '';
		this.partyId = '';
		this.kind = '';
		this.status = '';
	}
}
