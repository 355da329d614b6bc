import { liveByName, listProducts, type ListedProduct, type ProductSort } from '#lib/domain/stack/catalog-list.js';
import type { Usage } from '#lib/domain/stack/usage.js';
import { CatalogLists } from './catalog-lists.svelte.js';
import { CatalogUsage } from './catalog-usage.svelte.js';
import type { StackContext } from './context.svelte.js';

const PAGE_SIZE = 50;
/** customers named on a product's row; the product page lists them all */
const NAMED = 3;

/**
 * The catalog's product list: live catalog rows joined with usage from the
 * row index, searched, filtered and shown a page at a time.
 */
export class CatalogPage {
	readonly stacks = new CatalogUsage();
	search = $state('');
	vendorId = $state('');
	categoryId = $state('');
	sort: ProductSort = $state('name');
	showDeleted = $state(false);
	shown = $state(PAGE_SIZE);

	readonly lists: CatalogLists;

	constructor(readonly context: StackContext) {
		this.lists = new CatalogLists(context);
	}

	/** Follows the row index once the engine runs (browser only; call from an effect). */
	start(): () => void {
		const engine = this.context.engine;
		return engine ? this.stacks.follow(engine.db) : () => {};
	}

	/** the catalog document and the row index have both answered */
	get ready(): boolean {
		return this.context.catalog !== null && this.stacks.loaded;
	}

	get usage(): ReadonlyMap<string, Usage> {
		return this.stacks.usage;
	}
	readonly vendors = $derived.by(() => liveByName(this.context.catalog?.vendors ?? []));
	readonly categories = $derived.by(() => liveByName(this.context.catalog?.categories ?? []));

	private list(deleted: boolean): ListedProduct[] {
		const catalog = this.context.catalog;
		if (!catalog) return [];
		return listProducts(catalog, this.usage, { search: this.search, vendorId: this.vendorId, categoryId: this.categoryId, sort: this.sort, deleted });
	}

	readonly visible = $derived(this.list(false));
	readonly deleted = $derived(this.list(true));
	readonly page = $derived(this.visible.slice(0, this.shown));
	readonly total = $derived.by(() => this.context.catalog?.products.filter((p) => !p.deletedAt).length ?? 0);

	get filtering(): boolean {
		return this.search.trim() !== '' || this.vendorId !== '' || this.categoryId !== '';
	}

	clearFilters(): void {
		this.search = '';
		this.vendorId = '';
		this.categoryId = '';
	}

	showMore(): void {
		this.shown += PAGE_SIZE;
	}

	/** A few of the customers running a product, alphabetically, found in one pass (no sort of thousands). */
	namedCustomers(productId: string): { names: string[]; more: number } {
		const ids = this.usage.get(productId)?.customerIds ?? new Set<string>();
		const names: string[] = [];
		for (const id of ids) {
			const name = this.stacks.customerName(id);
			const at = names.findIndex((n) => name.localeCompare(n) < 0);
			names.splice(at === -1 ? names.length : at, 0, name);
			if (names.length > NAMED) names.pop();
		}
		return { names, more: ids.size - names.length };
	}
}
