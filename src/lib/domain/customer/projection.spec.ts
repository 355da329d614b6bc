import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initMeta, setEntity, upsertRecord } from '../documents/shape.js';
import { projectCustomer } from './projection.js';

const T = '01a20148-7cee-7341-87c5-bb7f77ec4ff4';
const NAME = `${T}:customer:c1`;

function customerDoc() {
	const doc = new Y.Doc();
	initMeta(doc, 'customer');
	setEntity(doc, 'customer', { id: 'c1', name: '  Contoso Ltd ', status: 'active', website: '', createdAt: '2026-11-22T10:00:00.000Z' });
	upsertRecord(doc, 'sites', 's1', { name: 'HQ', city: 'Seattle', phone: '+1 206 555 0100' });
	upsertRecord(doc, 'contacts', 'p1', { name: 'Ann Lee', email: 'ann@contoso.example', siteId: 's1', portalAccess: 'view' });
	return doc;
}

describe('projectCustomer', () => {
	it('turns the document into customer, site and contact rows', () => {
		const rows = projectCustomer(NAME, customerDoc());
		expect(rows.problems).toEqual([]);
		expect(rows.customers).toEqual([
			{
				id: 'c1',
				name: 'Contoso Ltd',
				status: 'active',
				industry: null,
				website: null,
				phone: null,
				email: null,
				referral: null,
				abbreviation: null,
				hourlyRate: null,
				currency: null,
				paymentTermsDays: null,
				taxId: null,
				taxRegion: null,
				classification: null,
				leadTechId: null,
				createdAt: '2026-11-22T10:00:00.000Z',
				deletedAt: null
			}
		]);
		expect(rows.sites).toMatchObject([{ id: 's1', customerId: 'c1', name: 'HQ', city: 'Seattle', address1: null }]);
		expect(rows.contacts).toMatchObject([{ id: 'p1', customerId: 'c1', siteId: 's1', portalAccess: 'view' }]);
	});

	it('quarantines a bad record and still projects the rest', () => {
		const doc = customerDoc();
		upsertRecord(doc, 'contacts', 'p2', { name: '', email: 'x@example.test' });
		doc.getMap('sites').set('s9', 'not a map');
		const rows = projectCustomer(NAME, doc);
		expect(rows.contacts.map((c) => c.id)).toEqual(['p1']);
		expect(rows.sites.map((s) => s.id)).toEqual(['s1']);
		expect(rows.problems).toEqual([
			{ collection: 'sites', recordId: 's9', reason: 'not a record map' },
			{ collection: 'contacts', recordId: 'p2', reason: 'name: a contact needs a name' }
		]);
	});

	it('refuses a record whose id does not match its key', () => {
		const doc = customerDoc();
		doc.getMap<Y.Map<unknown>>('sites').get('s1')!.set('id', 'other');
		expect(projectCustomer(NAME, doc).problems).toEqual([{ collection: 'sites', recordId: 's1', reason: 'record id other does not match its key' }]);
	});

	it('projects the same rows from any replica that holds the same updates', () => {
		const a = customerDoc();
		const b = new Y.Doc();
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		expect(projectCustomer(NAME, b)).toEqual(projectCustomer(NAME, a));
	});

	it('gives an empty document no rows and no problems', () => {
		expect(projectCustomer(NAME, new Y.Doc())).toEqual({ customers: [], sites: [], contacts: [], deployments: [], devices: [], problems: [] });
	});

	it('refuses a document that is not a customer', () => {
		expect(() => projectCustomer(`${T}:catalog`, new Y.Doc())).toThrow(/not a customer/);
	});
});
