import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { projectCustomer } from '#lib/domain/customer/projection.js';
import { addRecord, createCustomer, customerDocName, fieldValue, readRecords, setCustomerDeleted, setRecordDeleted, updateCustomer, updateRecord } from './edits.js';

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
