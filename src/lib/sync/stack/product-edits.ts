import { addCatalogRecord, setCatalogDeleted, updateCatalogRecord } from './catalog-edits.js';
import type { StackContext } from './context.svelte.js';
import { parseProduct, type ProductInput } from './product-form.js';

/** A product's edits, made from the catalog's list and from the product's own page alike. */

/** Adds (no id) or changes a product; resolves to the field errors, or the product's id. */
export function saveProduct(context: StackContext, input: ProductInput, id?: string): { errors: Record<string, string> } | { id: string } {
	const parsed = parseProduct(input, context.currency);
	if (!parsed.ok) return { errors: parsed.errors };
	let saved = id ?? '';
	context.editCatalog((doc) => {
		if (id) updateCatalogRecord(doc, 'products', id, parsed.fields);
		else saved = addCatalogRecord(doc, 'products', parsed.fields);
	});
	return { id: saved };
}

export function setProductDeleted(context: StackContext, id: string, deleted: boolean): void {
	context.editCatalog((doc) => setCatalogDeleted(doc, 'products', id, deleted));
}
