import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { projectCustomer } from '#lib/domain/customer/projection.js';
import { upsertRecord } from '#lib/domain/documents/shape.js';
import { importCsv } from '#lib/domain/import/import.js';
import type { ClientImport } from '#lib/domain/import/clients.js';
import { addImportedRecord, newCustomerDoc, undoImportedItems, type RecordRow } from './customer-docs.js';

const T = '01a20148-7cee-7341-87c5-bb7f77ec4ff4';
const NOW = '2026-11-22T10:00:00.000Z';

function mapped<K extends 'itflow-contacts' | 'itflow-assets'>(template: K, csv: string): RecordRow[] {
	const result = importCsv(csv, { template });
	if (result.fileError !== null) throw new Error(result.fileError);
	return result.rows.filter((r) => r.status === 'ok').map((r) => ({ template, row: r.mapped }) as RecordRow);
}

describe('documents made by an import', () => {
	it('a client row becomes a customer document the shared projection accepts, site and contact linked', () => {
		const row: ClientImport = {
			customer: { name: 'Contoso', status: 'active', industry: null, website: null, phone: null, email: null, referral: null, abbreviation: 'CTS', hourlyRate: 12500, currency: 'USD', paymentTermsDays: 30, taxId: null, taxRegion: null, classification: null, leadTechId: null },
			site: { name: 'HQ', address1: '1 Main St', address2: null, city: 'Seattle', region: 'WA', postalCode: '98101', country: 'US', phone: null, hours: null },
			contact: { name: 'Ann Lee', title: 'CFO', email: 'ann@contoso.example', phone: null, mobile: null, portalAccess: 'none' }
		};
		const made = newCustomerDoc(T, row, NOW);
		expect(made.name).toBe(`${T}:customer:${made.id}`);
		const rows = projectCustomer(made.name, made.doc);
		expect(rows.problems).toEqual([]);
		expect(rows.customers).toMatchObject([{ id: made.id, name: 'Contoso', hourlyRate: 12500, createdAt: NOW }]);
		expect(rows.contacts[0].siteId).toBe(rows.sites[0].id);
		// what is stored is the same document
		const stored = new Y.Doc();
		Y.applyUpdate(stored, made.state);
		expect(projectCustomer(made.name, stored)).toEqual(rows);
	});

	it('adds contacts and devices to an existing customer once, linking sites and contacts by name', () => {
		const doc = new Y.Doc();
		upsertRecord(doc, 'sites', 's-hq', { name: 'Head Office' });
		upsertRecord(doc, 'contacts', 'p-raj', { name: 'Raj Patel' });
		const contacts = mapped('itflow-contacts', 'Full Name,Email Address,Office Location\r\nAnn Lee,ann@x.example,head office\r\nraj  patel,raj@x.example,\r\n');
		const devices = mapped('itflow-assets', 'Name,Type,Serial,Assigned To,Location\r\nNW-LT01,Laptop,SN1,Ann Lee,Head Office\r\n');
		const items = [...contacts, ...devices].map((row) => addImportedRecord(doc, 'd', row));
		// Raj is already there (by name, case and spacing ignored): not added again
		expect(items.map((i) => i?.collection ?? null)).toEqual(['contacts', null, 'devices']);
		const ann = doc.getMap<Y.Map<unknown>>('contacts').get(items[0]!.recordId)!;
		expect(ann.get('siteId')).toBe('s-hq');
		const laptop = doc.getMap<Y.Map<unknown>>('devices').get(items[2]!.recordId)!;
		expect([laptop.get('type'), laptop.get('contactId'), laptop.get('siteId')]).toEqual(['workstation', items[0]!.recordId, 's-hq']);

		undoImportedItems(doc, items.filter((i) => i !== null), NOW);
		expect(ann.get('deletedAt')).toBe(NOW);
		expect(doc.getMap<Y.Map<unknown>>('contacts').get('p-raj')!.get('deletedAt')).toBeUndefined();
	});
});
