import { v7 as uuidv7 } from 'uuid';
import * as Y from 'yjs';
import type { CustomerRecord } from './schema.js';
import { docName } from '#lib/domain/documents/names.js';
import { initMeta, plain, setEntity, upsertRecord, type PlainRecord, type Scalar } from '#lib/domain/documents/shape.js';
import { logChanges, type FieldChange } from './history.js';

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
	const name = fields.name.trim();
	doc.transact(() => {
		initMeta(doc, 'customer');
		setEntity(doc, 'customer', {
			id,
			name,
			status: fields.status ?? 'active',
			industry: null,
			website: null,
			phone: null,
			email: null,
			createdAt: now.toISOString(),
			deletedAt: null
		});
		logChanges(doc, 'customer', id, [{ field: null, from: null, to: name }], now);
	});
}

/** The fields whose value differs from the record's, each with its old and new value. */
function changesTo(current: PlainRecord, fields: PlainRecord): FieldChange[] {
	return Object.entries(fields)
		.filter(([key, value]) => current[key] !== value)
		.map(([field, to]) => ({ field, from: current[field] ?? null, to }));
}

const asFields = (changes: FieldChange[]) => Object.fromEntries(changes.map((c) => [c.field, c.to])) as PlainRecord;

/** Sets profile fields; only keys whose value changes are written, so a blur after typing adds nothing. */
export function updateCustomer(doc: Y.Doc, fields: Fields, final = false): void {
	const current = plain(doc.getMap('customer'));
	const changes = changesTo(current, clean(fields, final));
	if (!changes.length) return;
	doc.transact(() => {
		setEntity(doc, 'customer', asFields(changes));
		logChanges(doc, 'customer', String(current.id), changes);
	});
}

/** What goes with a deleted customer, and comes back when it is restored. */
export const DELETED_WITH_CUSTOMER = ['sites', 'contacts', 'deployments', 'devices'] as const;

/**
 * Deletes or restores the customer with its sites, contacts, deployments and
 * devices. The records deleted with it carry `deletedWith` (the customer's
 * deletion time), so a restore brings back exactly those, and not the ones
 * deleted on their own before.
 */
export function setCustomerDeleted(doc: Y.Doc, deleted: boolean, now = new Date()): void {
	const current = plain(doc.getMap('customer'));
	// deleting twice would stamp a new time and strand the records marked with the first
	if (deleted === (typeof current.deletedAt === 'string')) return;
	const at = deleted ? now.toISOString() : null;
	doc.transact(() => {
		if (at) forRecords(doc, (r) => !r.deletedAt, { deletedAt: at, deletedWith: at });
		else forRecords(doc, (r) => r.deletedWith === current.deletedAt, { deletedAt: null, deletedWith: null });
		setEntity(doc, 'customer', { deletedAt: at });
		logChanges(doc, 'customer', String(current.id), [{ field: 'deletedAt', from: current.deletedAt ?? null, to: at }], now);
	});
}

function forRecords(doc: Y.Doc, match: (record: PlainRecord) => boolean, fields: PlainRecord) {
	for (const collection of DELETED_WITH_CUSTOMER) {
		for (const [id, record] of doc.getMap(collection).entries()) {
			if (record instanceof Y.Map && match(plain(record))) upsertRecord(doc, collection, id, fields);
		}
	}
}

/** Whether what a person typed to confirm a deletion is the customer's name (case and outer spaces aside). */
export function confirmsName(typed: string, name: string): boolean {
	const key = (text: string) => text.trim().toLocaleLowerCase();
	return key(name) !== '' && key(typed) === key(name);
}

/** A record's name for the history: its name, or the start of a note. */
const labelOf = (record: PlainRecord): Scalar => record.name ?? record.body ?? null;

/** Adds a record to a collection and returns its id. */
export function addRecord(doc: Y.Doc, collection: Collection, fields: Fields): string {
	const id = newId();
	const record = { ...clean(fields, true), deletedAt: null };
	doc.transact(() => {
		upsertRecord(doc, collection, id, record);
		logChanges(doc, collection, id, [{ field: null, from: null, to: labelOf(record) }]);
	});
	return id;
}

function currentRecord(doc: Y.Doc, collection: Collection, id: string): PlainRecord {
	const record = doc.getMap<Y.Map<unknown>>(collection).get(id);
	return record ? plain(record) : {};
}

export function updateRecord(doc: Y.Doc, collection: Collection, id: string, fields: Fields, final = false): void {
	const changes = changesTo(currentRecord(doc, collection, id), clean(fields, final));
	if (!changes.length) return;
	doc.transact(() => {
		upsertRecord(doc, collection, id, asFields(changes));
		logChanges(doc, collection, id, changes);
	});
}

export function setRecordDeleted(doc: Y.Doc, collection: Collection, id: string, deleted: boolean, now = new Date()): void {
	const current = currentRecord(doc, collection, id);
	if (deleted === (typeof current.deletedAt === 'string')) return;
	const at = deleted ? now.toISOString() : null;
	doc.transact(() => {
		// a record deleted or restored on its own no longer follows the customer
		upsertRecord(doc, collection, id, current.deletedWith ? { deletedAt: at, deletedWith: null } : { deletedAt: at });
		logChanges(doc, collection, id, [{ field: 'deletedAt', from: current.deletedAt ?? null, to: at }], now);
	});
}

/** The records of a collection as plain objects, by name. */
export function readRecords(doc: Y.Doc, collection: Collection): PlainRecord[] {
	const out: PlainRecord[] = [];
	for (const value of doc.getMap(collection).values()) {
		if (value instanceof Y.Map) out.push(plain(value));
	}
	return out.sort((a, b) => String(a.name ?? '').localeCompare(String(b.name ?? '')) || String(a.id).localeCompare(String(b.id)));
}
