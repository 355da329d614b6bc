import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { projectCatalog } from '#lib/domain/catalog/projection.js';
import { DEFAULT_CATEGORIES } from '#lib/domain/catalog/schema.js';
import { addCatalogRecord, addDefaultCategories, setCatalogDeleted, updateCatalogRecord } from './catalog-edits.js';

const now = new Date('2026-03-01T10:00:00Z');

describe('catalog edits', () => {
	it('add a product the projection accepts', () => {
		const doc = new Y.Doc();
		const id = addCatalogRecord(doc, 'products', { name: 'Huntress EDR', unit: 'per-device', unitCost: 300, unitPrice: 700 });
		const { products, problems } = projectCatalog(doc);
		expect(problems).toEqual([]);
		expect(products).toEqual([expect.objectContaining({ id, name: 'Huntress EDR', unitPrice: 700, deletedAt: null })]);
	});

	it('write only what changed', () => {
		const doc = new Y.Doc();
		const id = addCatalogRecord(doc, 'vendors', { name: 'Datto', website: null });
		let updates = 0;
		doc.on('update', () => updates++);
		updateCatalogRecord(doc, 'vendors', id, { name: 'Datto', website: null });
		expect(updates).toBe(0);
		updateCatalogRecord(doc, 'vendors', id, { name: 'Datto (Kaseya)' });
		expect(updates).toBe(1);
		expect(projectCatalog(doc).vendors[0].name).toBe('Datto (Kaseya)');
	});

	it('delete by marking, and restore', () => {
		const doc = new Y.Doc();
		const id = addCatalogRecord(doc, 'categories', { name: 'Backup' });
		setCatalogDeleted(doc, 'categories', id, true, now);
		expect(projectCatalog(doc).categories[0].deletedAt).toBe(now.toISOString());
		setCatalogDeleted(doc, 'categories', id, false, now);
		expect(projectCatalog(doc).categories[0].deletedAt).toBeNull();
	});
});

describe('addDefaultCategories', () => {
	it('adds the usual categories once, keeping those already there and restoring deleted ones', () => {
		const doc = new Y.Doc();
		addCatalogRecord(doc, 'categories', { name: 'backup ' });
		const deleted = addCatalogRecord(doc, 'categories', { name: 'Networking' });
		setCatalogDeleted(doc, 'categories', deleted, true, now);

		expect(addDefaultCategories(doc, now)).toBe(DEFAULT_CATEGORIES.length - 1);
		const live = projectCatalog(doc).categories.filter((c) => !c.deletedAt);
		expect(live).toHaveLength(DEFAULT_CATEGORIES.length);
		expect(live.find((c) => c.id === deleted)?.name).toBe('Networking');

		expect(addDefaultCategories(doc, now)).toBe(0);
	});
});
