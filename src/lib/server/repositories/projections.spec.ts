import { describe, expect, it } from 'vitest';
import { projectionCsv } from './projections.js';

describe('projectionCsv', () => {
	const tenantId = '0b7f3c52-52c5-4a5e-9d4f-000000000001';

	it('quotes every value, so NULL (an empty field) differs from an empty string', () => {
		const csv = projectionCsv('customers', [
			{ tenantId, docName: `${tenantId}:customer:c1`, docVersion: 7, row: { id: 'c1', name: 'Acme', status: 'active', industry: '' } }
		]);
		// id, name, status, industry ("" is not NULL), then fourteen NULL columns
		expect(csv).toBe(`${tenantId},"c1","Acme","active",""${','.repeat(15)}"${tenantId}:customer:c1",7\n`);
	});

	it('doubles quotes and keeps commas, line breaks and backslashes inside the quotes', () => {
		const csv = projectionCsv('customers', [
			{ tenantId, docName: 'd', docVersion: 1, row: { id: 'c"2', name: 'A, "B"\nC \\N', status: 'active' } }
		]);
		expect(csv.startsWith(`${tenantId},"c""2","A, ""B""\nC \\N","active",`)).toBe(true);
	});

	it('writes an id list as an array literal inside one CSV field', () => {
		const csv = projectionCsv('vendorContracts', [{ tenantId, docName: 'd', docVersion: 1, row: { id: 'vc1', name: 'A', productIds: ['p1', 'p"2'] } }]);
		expect(csv.startsWith(`${tenantId},"vc1","A",,"{""p1"",""p\\""2""}",`)).toBe(true);
	});

	it('writes a jsonb column (a ticket\'s SLA log) as JSON, not as an array literal', () => {
		const slaLog = [['2026-12-01T09:00:00.000Z', 'status', 'new'], ['2026-12-01T09:00:00.000Z', 'priority', 'normal']];
		const csv = projectionCsv('tickets', [{ tenantId, docName: 'd', docVersion: 1, row: { id: 't1', title: 'A', source: 'phone', relatedIds: [], slaLog } }]);
		expect(csv).toContain(`"${JSON.stringify(slaLog).replaceAll('"', '""')}"`);
	});
});
