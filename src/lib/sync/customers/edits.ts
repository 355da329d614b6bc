import { v7 as uuidv7 } from 'uuid';
import * as Y from 'yjs';
import type { CustomerRecord } from '#lib/domain/customer/schema.js';
import { docName } from '#lib/domain/documents/names.js';
import { initMeta, plain, setEntity, upsertRecord, type PlainRecord } from '#lib/domain/documents/shape.js';

/**
 * Every change the app makes to a customer document, as plain functions of a
 * Y.Doc (DESIGN.md §2): the entity map `customer`, its collections, and
 * deletion as `deletedAt`, never removal.
 */

export type Collection = 'sites' | 'contacts' | 'deployments' | 'devices' | 'notes' | 'customValues';
/** Text is written as typed (see fieldValue); numbers and flags as they are. */
export type Fields = Record<string, string | number | boolean | null>;

export const SITE_FIELDS = ['name', 'address1', 'address2', 'city', 'region', 'postalCode', 'country', 'phone', 'hours'] as const;
export const CONTACT_FIELDS = ['name', 'title', 'email', 'phone', 'mobile', 'siteId', 'portalAccess'] as const;
export const PROFILE_FIELDS = ['name', 'status', 'industry', 'website', 'phone', 'email'] as const;

export function customerDocName(tenantId: string, customerId: string): string {
	return docName(tenantId, 'customer', customerId);
}

export function newId(): string {
	return uuidv7();
}

/**
 * What a form field writes: text as typed (trailing spaces included, or the
 * caret would jump while typing), and null for an empty field. `final` (on
 * blur) trims.
 */
export function fieldValue(value: string, final = false): string | null {
	const v = final ? value.trim() : value;
	return v.trim() === '' ? null : v;
}

function clean(fields: Fields, final: boolean): PlainRecord {
	const out: PlainRecord = {};
	for (const [key, value] of Object.entries(fields)) out[key] = typeof value === 'string' ? fieldValue(value, final) : value;
	return out;
}

/** Fills a new customer document: meta, and the entity with its id and creation time. */
export function createCustomer(doc: Y.Doc, id: string, fields: { name: string; status?: CustomerRecord['status'] }, now = new Date()): void {
	doc.transact(() => {
		initMeta(doc, 'customer');
		setEntity(doc, 'customer', {
			id,
			name: fields.name.trim(),
			status: fields.status ?? 'active',
			industry: null,
			website: null,
			phone: null,
			email: null,
			createdAt: now.toISOString(),
			deletedAt: null
		});
	});
}

/** Sets profile fields; only keys whose value changes are written, so a blur after typing adds nothing. */
export function updateCustomer(doc: Y.Doc, fields: Fields, final = false): void {
	const current = plain(doc.getMap('customer'));
	const changed = Object.entries(clean(fields, final)).filter(([key, value]) => current[key] !== value);
	if (changed.length) setEntity(doc, 'customer', Object.fromEntries(changed));
}

export function setCustomerDeleted(doc: Y.Doc, deleted: boolean, now = new Date()): void {
	setEntity(doc, 'customer', { deletedAt: deleted ? now.toISOString() : null });
}

/** Adds a record to a collection and returns its id. */
export function addRecord(doc: Y.Doc, collection: Collection, fields: Fields): string {
	const id = newId();
	upsertRecord(doc, collection, id, { ...clean(fields, true), deletedAt: null });
	return id;
}

export function updateRecord(doc: Y.Doc, collection: Collection, id: string, fields: Fields, final = false): void {
	const record = doc.getMap<Y.Map<unknown>>(collection).get(id);
	const current = record ? plain(record) : {};
	const changed = Object.entries(clean(fields, final)).filter(([key, value]) => current[key] !== value);
	if (changed.length) upsertRecord(doc, collection, id, Object.fromEntries(changed));
}

export function setRecordDeleted(doc: Y.Doc, collection: Collection, id: string, deleted: boolean, now = new Date()): void {
	upsertRecord(doc, collection, id, { deletedAt: deleted ? now.toISOString() : null });
}

/** The records of a collection as plain objects, by name. */
export function readRecords(doc: Y.Doc, collection: Collection): PlainRecord[] {
	const out: PlainRecord[] = [];
	for (const value of doc.getMap(collection).values()) {
		if (value instanceof Y.Map) out.push(plain(value));
	}
	return out.sort((a, b) => String(a.name ?? '').localeCompare(String(b.name ?? '')) || String(a.id).localeCompare(String(b.id)));
}
