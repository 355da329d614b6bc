import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { projectCustomer } from './projection.js';
import {
	addRecord,
	confirmsName,
	createCustomer,
	customerDocName,
	fieldValue,
	readRecords,
	setCustomerDeleted,
	setRecordDeleted,
	updateCustomer,
	updateRecord
} from './edits.js';

const T = '01a20148-7cee-7341-87c5-bb7f77ec4ff4';
const ID = '019a9f4e-1111-7000-8000-000000000001';
const NAME = customerDocName(T, ID);

function fresh() {
	const doc = new Y.Doc();
	createCustomer(doc, ID, { name: ' Contoso ' }, new Date('2026-11-22T10:00:00Z'));
	return doc;
}

describe('customer document edits', () => {
	it('creates a customer the shared projection accepts', () => {
		const rows = projectCustomer(NAME, fresh());
		expect(rows.problems).toEqual([]);
		expect(rows.customers).toMatchObject([
			{ id: ID, name: 'Contoso', status: 'active', industry: null, website: null, phone: null, email: null, createdAt: '2026-11-22T10:00:00.000Z', deletedAt: null }
		]);
	});

	it('keeps text as typed while editing and trims it when the field is left', () => {
		const doc = fresh();
		updateCustomer(doc, { phone: '+1 555 ' });
		expect(doc.getMap('customer').get('phone')).toBe('+1 555 ');
		updateCustomer(doc, { phone: '+1 555 ' }, true);
		expect(doc.getMap('customer').get('phone')).toBe('+1 555');
		updateCustomer(doc, { phone: '   ' });
		expect(doc.getMap('customer').get('phone')).toBeNull();
	});

	it('writes nothing when nothing changed, so leaving a field adds no update', () => {
		const doc = fresh();
		updateCustomer(doc, { industry: 'Retail' }, true);
		let updates = 0;
		doc.on('update', () => updates++);
		updateCustomer(doc, { industry: 'Retail' }, true);
		expect(updates).toBe(0);
	});

	it('adds, edits, deletes and restores sites and contacts without removing them', () => {
		const doc = fresh();
		const site = addRecord(doc, 'sites', { name: 'HQ ', city: '' });
		const contact = addRecord(doc, 'contacts', { name: 'Ann', siteId: site, portalAccess: 'view' });
		updateRecord(doc, 'sites', site, { city: 'Seattle' });
		setRecordDeleted(doc, 'sites', site, true, new Date('2026-11-23T00:00:00Z'));
		expect(readRecords(doc, 'sites')).toEqual([
			{ id: site, name: 'HQ', city: 'Seattle', deletedAt: '2026-11-23T00:00:00.000Z' }
		]);
		setRecordDeleted(doc, 'sites', site, false);
		const rows = projectCustomer(NAME, doc);
		expect(rows.sites).toMatchObject([{ id: site, city: 'Seattle', deletedAt: null }]);
		expect(rows.contacts).toMatchObject([{ id: contact, siteId: site, portalAccess: 'view', deletedAt: null }]);
	});

	it('marks the customer deleted and restores it', () => {
		const doc = fresh();
		setCustomerDeleted(doc, true, new Date('2026-11-24T00:00:00Z'));
		expect(projectCustomer(NAME, doc).customers[0].deletedAt).toBe('2026-11-24T00:00:00.000Z');
		setCustomerDeleted(doc, false);
		expect(projectCustomer(NAME, doc).customers[0].deletedAt).toBeNull();
	});

	it('merges concurrent edits of two replicas field by field', () => {
		const a = fresh();
		const b = new Y.Doc();
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		updateCustomer(a, { phone: '1' }, true);
		updateCustomer(b, { industry: 'Retail' }, true);
		addRecord(b, 'contacts', { name: 'Bo' });
		Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		expect(projectCustomer(NAME, a)).toEqual(projectCustomer(NAME, b));
		expect(projectCustomer(NAME, a).customers[0]).toMatchObject({ phone: '1', industry: 'Retail' });
	});

	it('maps an empty field to null', () => {
		expect(fieldValue('')).toBeNull();
		expect(fieldValue(' a ')).toBe(' a ');
		expect(fieldValue(' a ', true)).toBe('a');
	});
});

describe('deleting a customer', () => {
	const EARLIER = new Date('2026-11-20T09:00:00Z');
	const DELETED = new Date('2026-11-24T12:00:00Z');
	const active = (doc: Y.Doc, collection: 'sites' | 'contacts' | 'deployments' | 'devices') =>
		readRecords(doc, collection)
			.filter((r) => !r.deletedAt)
			.map((r) => r.name ?? r.productId);

	function populated() {
		const doc = fresh();
		const site = addRecord(doc, 'sites', { name: 'HQ' });
		addRecord(doc, 'contacts', { name: 'Ann', siteId: site });
		const gone = addRecord(doc, 'contacts', { name: 'Old Bob' });
		setRecordDeleted(doc, 'contacts', gone, true, EARLIER);
		addRecord(doc, 'deployments', { productId: 'p-1', quantity: 5 });
		addRecord(doc, 'devices', { name: 'FS01', type: 'server' });
		return doc;
	}

	it('soft-deletes its sites, contacts, deployments and devices at the same instant', () => {
		const doc = populated();
		setCustomerDeleted(doc, true, DELETED);
		const rows = projectCustomer(NAME, doc);
		for (const table of ['sites', 'contacts', 'deployments', 'devices'] as const) {
			expect(rows[table].every((row) => row.deletedAt !== null)).toBe(true);
		}
		expect(rows.contacts.map((c) => [c.name, c.deletedAt])).toEqual(
			expect.arrayContaining([
				['Ann', DELETED.toISOString()],
				['Old Bob', EARLIER.toISOString()]
			])
		);
	});

	it('restores exactly what was deleted with it, not what was deleted on its own before', () => {
		const doc = populated();
		setCustomerDeleted(doc, true, DELETED);
		setCustomerDeleted(doc, false);
		expect(active(doc, 'sites')).toEqual(['HQ']);
		expect(active(doc, 'contacts')).toEqual(['Ann']);
		expect(active(doc, 'deployments')).toEqual(['p-1']);
		expect(active(doc, 'devices')).toEqual(['FS01']);
		expect(readRecords(doc, 'contacts').find((c) => c.name === 'Old Bob')?.deletedAt).toBe(EARLIER.toISOString());
		expect(readRecords(doc, 'sites')[0].deletedWith).toBeNull();
	});

	it('does not bring back a record deleted on its own while the customer was deleted', () => {
		const doc = populated();
		setCustomerDeleted(doc, true, DELETED);
		const ann = readRecords(doc, 'contacts').find((c) => c.name === 'Ann')!;
		// restored on its own, then deleted on its own: it no longer follows the customer
		setRecordDeleted(doc, 'contacts', String(ann.id), false);
		setRecordDeleted(doc, 'contacts', String(ann.id), true, new Date('2026-11-25T00:00:00Z'));
		setCustomerDeleted(doc, false);
		expect(active(doc, 'contacts')).toEqual([]);
	});

	it('ignores a second delete, which would strand the records marked by the first', () => {
		const doc = populated();
		setCustomerDeleted(doc, true, DELETED);
		setCustomerDeleted(doc, true, new Date('2026-11-26T00:00:00Z'));
		expect(doc.getMap('customer').get('deletedAt')).toBe(DELETED.toISOString());
		setCustomerDeleted(doc, false);
		expect(active(doc, 'contacts')).toEqual(['Ann']);
	});

	it('restores on a replica that merged the deletion from another', () => {
		const a = populated();
		const b = new Y.Doc();
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		setCustomerDeleted(a, true, DELETED);
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		setCustomerDeleted(b, false);
		expect(active(b, 'sites')).toEqual(['HQ']);
		expect(active(b, 'contacts')).toEqual(['Ann']);
	});

	it('asks for the name as typed, ignoring case and outer spaces', () => {
		expect(confirmsName(' contoso ', 'Contoso')).toBe(true);
		expect(confirmsName('Contos', 'Contoso')).toBe(false);
		expect(confirmsName('Contoso Ltd', 'Contoso')).toBe(false);
		expect(confirmsName('', '')).toBe(false);
	});
});
