import { describe, expect, it } from 'vitest';
import { serverForFile } from '../support/app.js';
import { signUpTenant, type ApiClient } from '../support/client.js';
import { readAllRows } from '../support/feed.js';
import { eventually, openAs } from '../support/sync.js';

const server = serverForFile();

const ITFLOW_HEADER =
	'Client Name,Industry,Referral,Website,Primary Location Name,Location Phone,Location Address,City,State,Postal Code,Country,Primary Contact Name,Title,Contact Phone,Extension,Contact Mobile,Contact Email,Hourly Rate,Currency,Payment Terms,Tax ID,Abbreviation';

function clientsCsv(count: number, extraRows: string[] = []) {
	const rows = Array.from(
		{ length: count },
		(_, i) => `"Customer ${i}, Ltd",Manufacturing,,https://c${i}.example,HQ,+44 113 496 ${String(i % 10000).padStart(4, '0')},"${i} Park Row",Leeds,West Yorkshire,LS1 5HD,GB,Person ${i},IT lead,+44 7700 900000,,,p${i}@c${i}.example,125.50,GBP,Net 30,,C${i}`
	);
	return '\ufeff' + [ITFLOW_HEADER, ...rows, ...extraRows].join('\r\n') + '\r\n';
}

async function upload(client: ApiClient, csv: string, query = '') {
	return client.request('POST', `/api/v1/imports?name=clients.csv${query}`, csv, { 'content-type': 'text/csv' });
}

async function finished(client: ApiClient, id: string) {
	return eventually(async () => {
		const { batch } = (await client.get(`/api/v1/imports/${id}`)).json;
		return batch.status === 'running' ? null : batch;
	}, 60_000, 'the import to finish');
}

describe('CSV import', () => {
	it('imports 2,000 customers through the API as rows, reports a bad row, is idempotent and can be undone', async () => {
		const owner = await signUpTenant(server.app.url);
		const csv = clientsCsv(2000, [`Bad Email Co,,,,,,,,,,,Bob,,,,,bob@,,,,,`]);
		const started = await upload(owner.client, csv);
		expect(started.status).toBe(202);
		expect(started.json.batch).toMatchObject({ template: 'itflow-clients', total: 2000, status: 'running' });
		const batch = await finished(owner.client, started.json.batch.id);
		expect(batch).toMatchObject({ status: 'done', done: 2000, created: 2000, skipped: 0 });
		expect(batch.problems).toEqual([expect.stringMatching(/row 2002: Contact Email 'bob@' is not an email address/)]);

		const rows = await readAllRows(owner.client);
		expect(rows.customers).toHaveLength(2000);
		expect(rows.sites).toHaveLength(2000);
		expect(rows.contacts).toHaveLength(2000);
		const first = rows.customers.find((c) => c.name === 'Customer 7, Ltd')!;
		expect(first).toMatchObject({ industry: 'Manufacturing', hourlyRate: 12550, currency: 'GBP', paymentTermsDays: 30, abbreviation: 'C7' });
		// the document is there too: a client opening it sees what the row says
		const doc = await openAs(owner.client, first.docName);
		expect(doc.doc.getMap('customer').get('name')).toBe('Customer 7, Ltd');
		doc.close();

		// the same file again creates nothing
		const again = await finished(owner.client, (await upload(owner.client, csv)).json.batch.id);
		expect(again).toMatchObject({ created: 0, skipped: 2000 });

		// undo the first batch: its customers are deleted (restorable), not gone
		const undone = await owner.client.post(`/api/v1/imports/${batch.id}/undo`);
		expect(undone.json.batch.status).toBe('undone');
		await eventually(async () => (await readAllRows(owner.client)).customers.every((c) => c.deletedAt), 30_000, 'undone customers');
		expect((await owner.client.post(`/api/v1/imports/${batch.id}/undo`)).status).toBe(409);
	// 2,000 customers imported, re-imported and undone: over a minute on a loaded two-core machine
	}, 180_000);

	it('names the columns of a file that is no template, and adds contacts to a chosen customer once', async () => {
		const owner = await signUpTenant(server.app.url);
		const wrong = await upload(owner.client, 'Firm,Phone\r\nAcme,1\r\n');
		expect(wrong.status).toBe(400);
		expect(wrong.json.error.message).toMatch(/Missing: 'Name'. Not recognised: 'Firm', 'Phone'/);

		await finished(owner.client, (await upload(owner.client, clientsCsv(1))).json.batch.id);
		const customer = (await readAllRows(owner.client)).customers[0];
		const contacts = 'Full Name,Job Title,Department Name,Email Address,Office Phone,Office Extension,Mobile Phone,Office Location\r\nAnn Lee,CFO,,ann@c0.example,,,,HQ\r\nRaj Patel,,,raj@c0.example,,,,\r\n';
		const first = await finished(owner.client, (await upload(owner.client, contacts, `&customerId=${customer.id}`)).json.batch.id);
		expect(first).toMatchObject({ template: 'itflow-contacts', created: 2 });
		const second = await finished(owner.client, (await upload(owner.client, contacts, `&customerId=${customer.id}`)).json.batch.id);
		expect(second).toMatchObject({ created: 0, skipped: 2 });
		const rows = await eventually(async () => {
			const all = await readAllRows(owner.client);
			return all.contacts.length === 3 ? all : null;
		}, 10_000, 'the imported contacts');
		const hq = rows.sites.find((s) => s.name === 'HQ')!;
		expect(rows.contacts.find((c) => c.name === 'Ann Lee')).toMatchObject({ siteId: hq.id, customerId: customer.id });
	});

	it('refuses an oversized file', async () => {
		const owner = await signUpTenant(server.app.url);
		const big = await owner.client.request('POST', '/api/v1/imports', 'x'.repeat(11 * 1024 * 1024), { 'content-type': 'text/csv' }).catch(() => ({ status: 413 }));
		expect(big.status).toBe(413);
	});
});
