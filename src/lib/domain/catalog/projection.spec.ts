import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initMeta, upsertRecord } from '../documents/shape.js';
import { projectCatalog } from './projection.js';

function catalogDoc() {
	const doc = new Y.Doc();
	initMeta(doc, 'catalog');
	upsertRecord(doc, 'vendors', 'v1', { name: 'SentinelOne' });
	upsertRecord(doc, 'categories', 'k1', { name: 'Cyber Security' });
	upsertRecord(doc, 'products', 'p1', { name: 'Singularity Complete', vendorId: 'v1', categoryId: 'k1', unitCost: 450, unitPrice: 900, unit: 'per-device' });
	upsertRecord(doc, 'vendorContracts', 'vc1', { name: 'S1 MSP agreement', vendorId: 'v1', productIds: 'p1  p2', start: '2026-01-01', termMonths: 12, autoRenew: true, noticeDays: 60 });
	return doc;
}

describe('projectCatalog', () => {
	it('projects the stack and vendor contracts, with id lists and defaults', () => {
		const rows = projectCatalog(catalogDoc());
		expect(rows.problems).toEqual([]);
		expect(rows.products).toMatchObject([{ id: 'p1', vendorId: 'v1', unitCost: 450, unitPrice: 900, unit: 'per-device', sku: null }]);
		expect(rows.vendorContracts).toMatchObject([
			{ id: 'vc1', productIds: ['p1', 'p2'], start: '2026-01-01', termMonths: 12, autoRenew: true, noticeDays: 60, period: 'monthly', renewalDate: null }
		]);
	});

	it('quarantines money that is not whole minor units, and a date that is not a date', () => {
		const doc = catalogDoc();
		upsertRecord(doc, 'products', 'p2', { name: 'Backup', unitPrice: 9.99 });
		upsertRecord(doc, 'vendorContracts', 'vc2', { name: 'Bad dates', start: '31/01/2026' });
		const rows = projectCatalog(doc);
		expect(rows.products.map((p) => p.id)).toEqual(['p1']);
		expect(rows.problems.map((p) => `${p.collection}/${p.recordId}`)).toEqual(['products/p2', 'vendorContracts/vc2']);
	});
});
