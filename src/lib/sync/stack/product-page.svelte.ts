import { liveQuery } from 'dexie';
import type * as Y from 'yjs';
import type { ProductRecord } from '#lib/domain/catalog/schema.js';
import { listProduct, namesById, type ListedProduct } from '#lib/domain/stack/catalog-list.js';
import { productCustomers, sortCustomers, toggleSort, type CustomerColumn, type CustomerSort, type ProductCustomer } from '#lib/domain/stack/product-customers.js';
import { currentQuantities, type QuantityChange } from '#lib/domain/stack/rollout.js';
import { productUsage } from '#lib/domain/stack/usage.js';
import type { LocalDb, LocalDeployment } from '../db.js';
import type { StackContext } from './context.svelte.js';
import { CustomerBatch, type BatchItem } from './customer-batch.svelte.js';
import { changeQuantities, rollOut, type EditOutcome } from './deployment-edits.js';

type Named = { name: string; deletedAt: string | null };

/** The index's rows for one product: its deployments, and the customers and sites they name. */
async function readProductRows(db: LocalDb, productId: string) {
	const deployments = await db.deployments.where('productId').equals(productId).toArray();
	const customerIds = [...new Set(deployments.map((d) => d.customerId))];
	const siteIds = [...new Set(deployments.flatMap((d) => d.siteId ?? []))];
	const [customers, sites] = await Promise.all([db.customers.bulkGet(customerIds), db.sites.bulkGet(siteIds)]);
	return {
		deployments,
		customers: new Map(customers.flatMap((c): [string, Named][] => (c ? [[c.id, c]] : []))),
		sites: new Map(sites.flatMap((s): [string, string][] => (s ? [[s.id, s.name]] : [])))
	};
}

/** A rollout's customer with the quantity they get. */
export interface RolloutItem extends BatchItem {
	quantity: number;
}

/**
 * A product's page: the product, the customers running it (from the row
 * index, so it works offline), a selection for bulk quantity changes, and
 * the batch that writes rollouts and changes into customer documents.
 */
export class ProductPage {
	deployments: LocalDeployment[] = $state.raw([]);
	customers: ReadonlyMap<string, Named> = $state.raw(new Map());
	sites: ReadonlyMap<string, string> = $state.raw(new Map());
	loaded = $state(false);
	sort: CustomerSort = $state({ column: 'customerName', descending: false });
	/** ids of the deployments chosen for a bulk change */
	selected: ReadonlySet<string> = $state.raw(new Set());
	readonly batch = new CustomerBatch();

	constructor(
		readonly id: string,
		readonly context: StackContext
	) {}

	/** Follows the product's rows once the engine runs (browser only; call from an effect). */
	start(): () => void {
		const db = this.context.engine?.db;
		if (!db) return () => {};
		const subscription = liveQuery(() => readProductRows(db, this.id)).subscribe({
			next: (rows) => {
				this.deployments = rows.deployments;
				this.customers = rows.customers;
				this.sites = rows.sites;
				this.loaded = true;
			},
			error: () => (this.loaded = true)
		});
		return () => subscription.unsubscribe();
	}

	/** the catalog and the row index have both answered */
	get ready(): boolean {
		return this.context.catalog !== null && this.loaded;
	}

	/** the product, deleted or not; null while the catalog loads or when it has no such product */
	get product(): ProductRecord | null {
		return this.context.catalog?.products.find((p) => p.id === this.id) ?? null;
	}

	readonly listed: ListedProduct | null = $derived.by(() => {
		const catalog = this.context.catalog;
		if (!catalog || !this.product) return null;
		const usage = productUsage(this.deployments, (id) => !this.customers.get(id)?.deletedAt).get(this.id);
		return listProduct(this.product, { vendors: namesById(catalog.vendors), categories: namesById(catalog.categories) }, usage);
	});

	/** customer id → the quantity a rollout would change (live customers only) */
	readonly current: ReadonlyMap<string, number> = $derived.by(() =>
		currentQuantities(
			this.deployments.filter((d) => !this.customers.get(d.customerId)?.deletedAt),
			this.id
		)
	);

	readonly rows: ProductCustomer[] = $derived(sortCustomers(productCustomers(this.deployments, this.customers, this.sites), this.sort));

	sortBy(column: CustomerColumn): void {
		this.sort = toggleSort(this.sort, column);
	}

	toggle(deploymentId: string): void {
		const next = new Set(this.selected);
		if (!next.delete(deploymentId)) next.add(deploymentId);
		this.selected = next;
	}

	/** Selects every row, or none when all are selected. */
	toggleAll(): void {
		this.selected = this.selected.size === this.rows.length ? new Set() : new Set(this.rows.map((r) => r.id));
	}

	/** Sets or adds to the quantity of the selected deployments, customer by customer. */
	async changeSelected(change: QuantityChange): Promise<void> {
		const byCustomer = new Map<string, BatchItem & { deploymentIds: string[] }>();
		for (const row of this.rows.filter((r) => this.selected.has(r.id))) {
			const item = byCustomer.get(row.customerId) ?? { customerId: row.customerId, name: row.customerName, deploymentIds: [] };
			item.deploymentIds.push(row.id);
			byCustomer.set(row.customerId, item);
		}
		await this.run([...byCustomer.values()], (doc, item) => changeQuantities(doc, item.deploymentIds, change));
		this.selected = new Set();
	}

	/** Deploys the product to each customer (or sets the quantity of those already running it). */
	rollOut(items: RolloutItem[], since: string | null): Promise<void> {
		return this.run(items, (doc, item) => rollOut(doc, this.id, { quantity: item.quantity, since }));
	}

	private async run<I extends BatchItem>(items: I[], edit: (doc: Y.Doc, item: I) => EditOutcome): Promise<void> {
		const engine = this.context.engine;
		if (!engine) throw new Error('sync has not started');
		await this.batch.run(engine, items, edit);
	}
}
