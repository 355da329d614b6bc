import { PRODUCT_UNITS, type CategoryRecord, type ProductRecord, type VendorRecord } from '../catalog/schema.js';
import { compareText } from '../text.js';
import { times, type Usage } from './usage.js';

/** The catalog's product list: products with their vendor, category and usage, searched, filtered and sorted. */

export type ProductUnit = (typeof PRODUCT_UNITS)[number];

export const UNIT_LABELS: Record<ProductUnit, string> = {
	'per-device': 'per device',
	'per-user': 'per user',
	flat: 'flat'
};

/** A filter value meaning "has none" (no vendor, no category); '' means any. */
export const NONE = '-';

export type ProductSort = 'name' | 'customers' | 'revenue' | 'margin';

export interface ProductFilter {
	search: string;
	/** a vendor's id, NONE, or '' for all */
	vendorId: string;
	/** a category's id, NONE, or '' for all */
	categoryId: string;
	sort: ProductSort;
	deleted: boolean;
}

export interface ListedProduct {
	id: string;
	name: string;
	sku: string | null;
	unit: ProductUnit;
	vendorId: string | null;
	vendorName: string | null;
	categoryId: string | null;
	categoryName: string | null;
	unitCost: number | null;
	unitPrice: number | null;
	customers: number;
	quantity: number;
	/** price × quantity deployed, minor units per month */
	monthlyRevenue: number;
	/** cost × quantity deployed, minor units per month */
	monthlyCost: number;
	deletedAt: string | null;
}

export interface CatalogRows {
	products: ProductRecord[];
	vendors: VendorRecord[];
	categories: CategoryRecord[];
}

/** id → name of the records that have one (deleted ones too: a product may still point at them). */
export function namesById(records: readonly { id: string; name: string }[]): Map<string, string> {
	return new Map(records.map((r) => [r.id, r.name]));
}

export function listProduct(product: ProductRecord, names: { vendors: Map<string, string>; categories: Map<string, string> }, usage: Usage | undefined): ListedProduct {
	const quantity = usage?.quantity ?? 0;
	return {
		id: product.id,
		name: product.name,
		sku: product.sku,
		unit: product.unit,
		vendorId: product.vendorId,
		vendorName: product.vendorId ? (names.vendors.get(product.vendorId) ?? null) : null,
		categoryId: product.categoryId,
		categoryName: product.categoryId ? (names.categories.get(product.categoryId) ?? null) : null,
		unitCost: product.unitCost,
		unitPrice: product.unitPrice,
		customers: usage?.customerIds.size ?? 0,
		quantity,
		monthlyRevenue: times(product.unitPrice, quantity),
		monthlyCost: times(product.unitCost, quantity),
		deletedAt: product.deletedAt
	};
}

const matchesId = (wanted: string, id: string | null) => wanted === '' || (wanted === NONE ? id === null : id === wanted);

function matches(row: ListedProduct, filter: ProductFilter, words: string[]): boolean {
	if (Boolean(row.deletedAt) !== filter.deleted) return false;
	if (!matchesId(filter.vendorId, row.vendorId) || !matchesId(filter.categoryId, row.categoryId)) return false;
	if (words.length === 0) return true;
	const text = `${row.name} ${row.sku ?? ''} ${row.vendorName ?? ''} ${row.categoryName ?? ''}`.toLocaleLowerCase();
	return words.every((word) => text.includes(word));
}

const byName = (a: ListedProduct, b: ListedProduct) => compareText(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

// the money sorts put the biggest first: that is what people look for
const SORTS: Record<ProductSort, (a: ListedProduct, b: ListedProduct) => number> = {
	name: byName,
	customers: (a, b) => b.customers - a.customers || byName(a, b),
	revenue: (a, b) => b.monthlyRevenue - a.monthlyRevenue || byName(a, b),
	margin: (a, b) => b.monthlyRevenue - b.monthlyCost - (a.monthlyRevenue - a.monthlyCost) || byName(a, b)
};

/** Every product with its names and usage, then the filter (search words match name, SKU, vendor and category). */
export function listProducts(catalog: CatalogRows, usage: ReadonlyMap<string, Usage>, filter: ProductFilter): ListedProduct[] {
	const names = { vendors: namesById(catalog.vendors), categories: namesById(catalog.categories) };
	const words = filter.search.toLocaleLowerCase().split(/\s+/).filter(Boolean);
	return catalog.products
		.map((product) => listProduct(product, names, usage.get(product.id)))
		.filter((row) => matches(row, filter, words))
		.sort(SORTS[filter.sort]);
}

/** Live (not deleted) records by name, for pickers. */
export function liveByName<R extends { name: string; deletedAt: string | null }>(records: readonly R[]): R[] {
	return records.filter((r) => !r.deletedAt).sort((a, b) => compareText(a.name, b.name));
}
