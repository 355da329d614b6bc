import type { PlainRecord } from '#lib/domain/documents/shape.js';
import { fieldValue } from '#lib/domain/customer/edits.js';
import { addCatalogRecord, addDefaultCategories, setCatalogDeleted, updateCatalogRecord } from './catalog-edits.js';
import type { StackContext } from './context.svelte.js';

export type ListCollection = 'vendors' | 'categories';

/**
 * Vendors and categories of the catalog, edited in place: each keystroke
 * reaches co-editors (as on a customer's sites), deletion is a mark.
 */
export class CatalogLists {
	constructor(readonly context: StackContext) {}

	records(collection: ListCollection): PlainRecord[] {
		return [...(this.context.catalog?.[collection] ?? [])].sort((a, b) => a.name.localeCompare(b.name));
	}

	/** live products per vendor or category id */
	productCounts(key: 'vendorId' | 'categoryId'): Map<string, number> {
		const counts = new Map<string, number>();
		for (const product of this.context.catalog?.products ?? []) {
			const id = product[key];
			if (id && !product.deletedAt) counts.set(id, (counts.get(id) ?? 0) + 1);
		}
		return counts;
	}

	add(collection: ListCollection, fields: Record<string, string>): void {
		const values = Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, fieldValue(value, true)]));
		this.context.editCatalog((doc) => addCatalogRecord(doc, collection, values));
	}

	update(collection: ListCollection, id: string, key: string, value: string, final: boolean): void {
		this.context.editCatalog((doc) => updateCatalogRecord(doc, collection, id, { [key]: fieldValue(value, final) }));
	}

	setDeleted(collection: ListCollection, id: string, deleted: boolean): void {
		this.context.editCatalog((doc) => setCatalogDeleted(doc, collection, id, deleted));
	}

	/** Adds the usual MSP categories the catalog lacks; returns how many. */
	addDefaultCategories(): number {
		let added = 0;
		this.context.editCatalog((doc) => (added = addDefaultCategories(doc)));
		return added;
	}
}
