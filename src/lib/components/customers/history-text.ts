import type { ChangeRecord } from '#lib/domain/customer/schema.js';
import type { Scalar } from '#lib/domain/documents/shape.js';

/** How one entry of a customer's history reads: "changed the phone of the site “HQ”", and the values. */
export interface ChangeText {
	what: string;
	/** old and new value, for edits of a value */
	from?: string;
	to?: string;
}

/** Names of things as they are now, so the history follows renames. */
export interface Names {
	/** a record of this customer (sites, contacts …), a custom field ('customValues') or a product ('products') */
	of(collection: string, id: string): string | null;
}

const NOUNS: Record<string, string> = {
	sites: 'site',
	contacts: 'contact',
	deployments: 'product',
	devices: 'device',
	notes: 'note'
};

const FIELDS: Record<string, string> = {
	address1: 'address',
	address2: 'address line 2',
	region: 'state or region',
	postalCode: 'postal code',
	hours: 'opening hours',
	title: 'job title',
	siteId: 'site',
	contactId: 'assigned contact',
	productId: 'product',
	portalAccess: 'portal access',
	serial: 'serial number',
	os: 'operating system',
	purchaseDate: 'purchase date',
	warrantyExpiry: 'warranty expiry',
	paymentTermsDays: 'payment terms',
	hourlyRate: 'hourly rate',
	taxId: 'tax ID',
	taxRegion: 'tax region'
};

/** Fields holding the id of another record, shown by that record's name. */
const REFERENCES: Record<string, string> = { siteId: 'sites', contactId: 'contacts', productId: 'products' };

function value(field: string, v: Scalar, names: Names): string {
	if (v === null || v === '') return 'empty';
	if (typeof v === 'boolean') return v ? 'yes' : 'no';
	const collection = REFERENCES[field];
	return (collection && names.of(collection, String(v))) || String(v);
}

function recordName(change: ChangeRecord, names: Names): string {
	const name = names.of(change.collection, change.recordId) ?? (change.field === null ? change.to : null);
	const noun = NOUNS[change.collection] ?? 'record';
	return typeof name === 'string' && name ? `the ${noun} “${name}”` : `a ${noun}`;
}

/** Describes one history entry in words. */
export function describeChange(change: ChangeRecord, names: Names): ChangeText {
	const { collection, field } = change;
	if (collection === 'notes' && field !== 'deletedAt') return { what: noteEdit(change) };
	const subject = collection === 'customer' ? 'the customer' : recordName(change, names);
	if (field === null) return { what: collection === 'customer' ? 'created the customer' : `added ${subject}` };
	if (field === 'deletedAt') return { what: `${change.to ? 'deleted' : 'restored'} ${subject}` };
	const values = { from: value(field, change.from, names), to: value(field, change.to, names) };
	if (collection === 'customValues') return { what: `set “${names.of(collection, change.recordId) ?? 'a custom field'}”`, ...values };
	const label = FIELDS[field] ?? field.toLowerCase();
	return { what: collection === 'customer' ? `changed the ${label}` : `changed the ${label} of ${subject}`, ...values };
}

function noteEdit(change: ChangeRecord): string {
	if (change.field === null) return 'added a note';
	if (change.field === 'pinned') return change.to ? 'pinned a note' : 'unpinned a note';
	return 'edited a note';
}
