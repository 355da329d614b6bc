import { describe, expect, it } from 'vitest';
import type { CategoryRecord, ProductRecord, VendorRecord } from '../catalog/schema.js';
import { product as baseProduct } from './fixtures.js';
import { listProducts, liveByName, NONE, type ProductFilter } from './catalog-list.js';
import { productUsage } from './usage.js';

const vendor = (id: string, name: string): VendorRecord => ({ id, name, website: null, phone: null, email: null, accountNumber: null, notes: null, deletedAt: null });
const category = (id: string, name: string): CategoryRecord => ({ id, name, deletedAt: null });
const product = (id: string, name: string, fields: Partial<ProductRecord> = {}) => baseProduct(id, { name, ...fields });

const catalog = {
	vendors: [vendor('v1', 'Datto'), vendor('v2', 'Huntress')],
	categories: [category('k1', 'Backup'), category('k2', 'Cyber Security')],
	products: [
		product('p1', 'Datto SaaS Protection', { vendorId: 'v1', categoryId: 'k1', sku: 'DSP-365', unitCost: 200, unitPrice: 500 }),
		product('p2', 'Huntress EDR', { vendorId: 'v2', categoryId: 'k2', unitCost: 300, unitPrice: 700 }),
		product('p3', 'Cabling', { unit: 'flat', unitPrice: 10000 }),
		product('p4', 'Old AV', { deletedAt: '2026-01-01T00:00:00Z' })
	]
};
const usage = productUsage([
	{ productId: 'p1', customerId: 'c1', quantity: 10, deletedAt: null },
	{ productId: 'p2', customerId: 'c1', quantity: 10, deletedAt: null },
	{ productId: 'p2', customerId: 'c2', quantity: 20, deletedAt: null }
]);
const all: ProductFilter = { search: '', vendorId: '', categoryId: '', sort: 'name', deleted: false };

describe('listProducts', () => {
	it('joins names and usage, and values it per month', () => {
		const [row] = listProducts(catalog, usage, { ...all, search: 'saas' });
		expect(row).toMatchObject({ vendorName: 'Datto', categoryName: 'Backup', customers: 1, quantity: 10, monthlyRevenue: 5000, monthlyCost: 2000 });
	});

	it('searches name, SKU, vendor and category, every word', () => {
		const names = (filter: Partial<ProductFilter>) => listProducts(catalog, usage, { ...all, ...filter }).map((r) => r.name);
		expect(names({ search: 'dsp-365' })).toEqual(['Datto SaaS Protection']);
		expect(names({ search: 'cyber huntress' })).toEqual(['Huntress EDR']);
		expect(names({ search: 'nothing' })).toEqual([]);
	});

	it('filters by vendor and category, NONE meaning without one', () => {
		const names = (filter: Partial<ProductFilter>) => listProducts(catalog, usage, { ...all, ...filter }).map((r) => r.name);
		expect(names({ vendorId: 'v2' })).toEqual(['Huntress EDR']);
		expect(names({ categoryId: NONE })).toEqual(['Cabling']);
		expect(names({ deleted: true })).toEqual(['Old AV']);
	});

	it('sorts the money columns biggest first', () => {
		const names = (sort: ProductFilter['sort']) => listProducts(catalog, usage, { ...all, sort }).map((r) => r.name);
		expect(names('name')).toEqual(['Cabling', 'Datto SaaS Protection', 'Huntress EDR']);
		expect(names('revenue')).toEqual(['Huntress EDR', 'Datto SaaS Protection', 'Cabling']);
		expect(names('customers')[0]).toBe('Huntress EDR');
		expect(names('margin')).toEqual(['Huntress EDR', 'Datto SaaS Protection', 'Cabling']);
	});
});

describe('liveByName', () => {
	it('keeps live records, by name', () => {
		expect(liveByName([product('b', 'B'), product('a', 'A'), product('c', 'C', { deletedAt: '2026-01-01T00:00:00Z' })]).map((p) => p.id)).toEqual(['a', 'b']);
	});
});
