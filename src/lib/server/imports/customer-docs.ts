import { v7 as uuidv7 } from 'uuid';
import * as Y from 'yjs';
import { docName } from '#lib/domain/documents/names.js';
import { initMeta, plain, setEntity, upsertRecord, type PlainRecord } from '#lib/domain/documents/shape.js';
import type { ClientImport } from '#lib/domain/import/clients.js';
import type { ContactImport } from '#lib/domain/import/contacts.js';
import type { DeviceImport } from '#lib/domain/import/assets.js';
import type { SiteImport } from '#lib/domain/import/locations.js';
import { nameKey } from '#lib/domain/import/keys.js';
import type { ImportItem } from '../repositories/import-batches.js';

/** Turns mapped import rows into customer documents and records (DESIGN.md §2 shapes), with ids made here. */

export interface NewCustomerDoc {
	id: string;
	name: string;
	state: Uint8Array;
	stateVector: Uint8Array;
	doc: Y.Doc;
}

/** A new customer document holding the customer, its primary site and contact. */
export function newCustomerDoc(tenantId: string, row: ClientImport, now: string): NewCustomerDoc {
	const id = uuidv7();
	const doc = new Y.Doc({ guid: 'import' });
	doc.transact(() => {
		initMeta(doc, 'customer');
		setEntity(doc, 'customer', { ...(row.customer as PlainRecord), id, createdAt: now, deletedAt: null });
		const siteId = row.site ? uuidv7() : null;
		if (row.site) upsertRecord(doc, 'sites', siteId!, { ...(row.site as PlainRecord), deletedAt: null });
		if (row.contact) upsertRecord(doc, 'contacts', uuidv7(), { ...(row.contact as PlainRecord), siteId, deletedAt: null });
	});
	return { id, name: docName(tenantId, 'customer', id), state: Y.encodeStateAsUpdate(doc), stateVector: Y.encodeStateVector(doc), doc };
}

/** The id of a record of a collection by its name (case and spacing ignored), or null. */
function idByName(doc: Y.Doc, collection: string, name: string | null): string | null {
	if (!name) return null;
	const key = nameKey(name);
	for (const [id, value] of doc.getMap(collection).entries()) {
		if (value instanceof Y.Map && !value.get('deletedAt') && nameKey(String(value.get('name') ?? '')) === key) return id;
	}
	return null;
}

export type RecordRow = { template: 'itflow-contacts'; row: ContactImport } | { template: 'itflow-locations'; row: SiteImport } | { template: 'itflow-assets'; row: DeviceImport };

/**
 * Adds an imported contact, site or device to an existing customer document.
 * One that is already there by name (a re-import) is left as it is, so
 * importing the same file twice adds nothing. Returns the item made, or null.
 */
export function addImportedRecord(doc: Y.Doc, name: string, { template, row }: RecordRow): ImportItem | null {
	const collection = template === 'itflow-contacts' ? 'contacts' : template === 'itflow-locations' ? 'sites' : 'devices';
	const fields = (template === 'itflow-contacts' ? row.contact : template === 'itflow-locations' ? row.site : row.device) as PlainRecord;
	if (idByName(doc, collection, String(fields.name))) return null;
	const links: PlainRecord =
		template === 'itflow-contacts'
			? { siteId: idByName(doc, 'sites', row.siteName) }
			: template === 'itflow-assets'
				? { siteId: idByName(doc, 'sites', row.siteName), contactId: idByName(doc, 'contacts', row.contactName) }
				: {};
	const id = uuidv7();
	upsertRecord(doc, collection, id, { ...fields, ...links, deletedAt: null });
	return { docName: name, collection, recordId: id };
}

/** Undoes what an import made in one document: the customer it created, or the records it added, are soft-deleted. */
export function undoImportedItems(doc: Y.Doc, items: ImportItem[], now: string): void {
	doc.transact(() => {
		for (const item of items) {
			if (item.collection === 'customer') {
				if (!plain(doc.getMap('customer')).deletedAt) setEntity(doc, 'customer', { deletedAt: now });
			} else if (doc.getMap(item.collection).has(item.recordId)) {
				upsertRecord(doc, item.collection, item.recordId, { deletedAt: now });
			}
		}
	});
}
