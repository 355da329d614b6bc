import * as Y from 'yjs';
import { DEFAULT_CATEGORIES } from '#lib/domain/catalog/schema.js';
import { plain, upsertRecord, type PlainRecord } from '#lib/domain/documents/shape.js';
import { newId } from '#lib/domain/customer/edits.js';
import type { SettingsCollection } from '#lib/domain/servicedesk/setting-forms.js';

/**
 * Every change the stack screens make to the catalog document (`T:catalog`):
 * products, vendors and categories, the service desk settings, and what billing
 * prices by (plans, programs, roles, tax rates). Deletion sets `deletedAt`, never removes
 * (DESIGN.md §2), so a restore brings the record back with everything on it.
 */

export type BillingCollection = 'servicePlans' | 'programs' | 'roles' | 'taxRates';
export type CatalogCollection = 'products' | 'vendors' | 'categories' | SettingsCollection | BillingCollection;

export function addCatalogRecord(doc: Y.Doc, collection: CatalogCollection, fields: PlainRecord, id = newId()): string {
	upsertRecord(doc, collection, id, { ...fields, deletedAt: null });
	return id;
}

/** Writes only the fields whose value changes: a save of an untouched form adds nothing to the document. */
export function updateCatalogRecord(doc: Y.Doc, collection: CatalogCollection, id: string, fields: PlainRecord): void {
	const record = doc.getMap(collection).get(id);
	const current = record instanceof Y.Map ? plain(record) : {};
	const changed = Object.entries(fields).filter(([key, value]) => current[key] !== value);
	if (changed.length > 0) upsertRecord(doc, collection, id, Object.fromEntries(changed));
}

export function setCatalogDeleted(doc: Y.Doc, collection: CatalogCollection, id: string, deleted: boolean, now = new Date()): void {
	updateCatalogRecord(doc, collection, id, { deletedAt: deleted ? now.toISOString() : null });
}

const nameKey = (name: unknown) => String(name ?? '').trim().toLocaleLowerCase();

/**
 * Adds the usual MSP categories (DEFAULT_CATEGORIES) the catalog does not have
 * yet by name; a deleted one of the same name is restored rather than doubled.
 * Returns how many were added or restored.
 */
export function addDefaultCategories(doc: Y.Doc, now = new Date()): number {
	const existing = new Map<string, PlainRecord>();
	for (const record of doc.getMap('categories').values()) {
		if (record instanceof Y.Map) existing.set(nameKey(record.get('name')), plain(record));
	}
	let changed = 0;
	doc.transact(() => {
		for (const name of DEFAULT_CATEGORIES) {
			const found = existing.get(nameKey(name));
			if (found && !found.deletedAt) continue;
			if (found) setCatalogDeleted(doc, 'categories', String(found.id), false, now);
			else addCatalogRecord(doc, 'categories', { name });
			changed += 1;
		}
	});
	return changed;
}
