import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initMeta, setEntity, upsertRecord } from '#lib/domain/documents/shape.js';
import { serverForFile } from '../support/app.js';
import { signUpTenant } from '../support/client.js';
import { readAllRows } from '../support/feed.js';
import { eventually, openAs, updateMessage } from '../support/sync.js';

const server = serverForFile();

describe('edits become rows', () => {
	it('an edit reaches another client live and lands as a Postgres row', async () => {
		const owner = await signUpTenant(server.app.url);
		const name = `${owner.tenantId}:customer:c-live`;
		const a = await openAs(owner.client, name);
		const b = await openAs(owner.client, name);
		initMeta(a.doc, 'customer');
		setEntity(a.doc, 'customer', { id: 'c-live', name: 'Contoso', status: 'active', createdAt: '2026-11-22T10:00:00.000Z' });
		upsertRecord(a.doc, 'sites', 's1', { name: 'HQ', city: 'Seattle' });
		upsertRecord(a.doc, 'contacts', 'p1', { name: 'Ann', siteId: 's1', portalAccess: 'view' });
		await eventually(() => b.doc.getMap('contacts').has('p1'), 5000, 'the edit on the other client');
		expect(b.doc.getMap('customer').get('name')).toBe('Contoso');

		const rows = await eventually(async () => {
			const all = await readAllRows(owner.client);
			return all.contacts.length === 1 ? all : null;
		}, 10_000, 'rows in the feed');
		expect(rows.customers).toEqual([expect.objectContaining({ id: 'c-live', name: 'Contoso', status: 'active', docName: name, deletedAt: null })]);
		expect(rows.sites).toEqual([expect.objectContaining({ id: 's1', customerId: 'c-live', city: 'Seattle' })]);
		expect(rows.contacts).toEqual([expect.objectContaining({ id: 'p1', siteId: 's1', portalAccess: 'view' })]);

		// a soft delete reaches the rows as deleted_at
		a.doc.getMap<Y.Map<unknown>>('sites').get('s1')!.set('deletedAt', '2026-11-22T11:00:00.000Z');
		await eventually(async () => (await readAllRows(owner.client)).sites[0]?.deletedAt, 10_000, 'the deletion');
		a.close();
		b.close();
	});

	it('the catalog, customer contracts and a customer\'s stack and devices land as rows', async () => {
		const owner = await signUpTenant(server.app.url);
		const catalog = await openAs(owner.client, `${owner.tenantId}:catalog`);
		const contracts = await openAs(owner.client, `${owner.tenantId}:contracts`);
		const customer = await openAs(owner.client, `${owner.tenantId}:customer:c-stack`);
		upsertRecord(catalog.doc, 'vendors', 'v1', { name: 'Datto' });
		upsertRecord(catalog.doc, 'products', 'p1', { name: 'BCDR', vendorId: 'v1', unitCost: 3000, unitPrice: 5500, unit: 'per-device' });
		upsertRecord(catalog.doc, 'vendorContracts', 'vc1', { name: 'Datto partner', vendorId: 'v1', productIds: 'p1', renewalDate: '2027-03-31', noticeDays: 90, autoRenew: true });
		setEntity(customer.doc, 'customer', { id: 'c-stack', name: 'Northwind', status: 'active' });
		upsertRecord(customer.doc, 'deployments', 'd1', { productId: 'p1', quantity: 12, since: '2026-02-01' });
		upsertRecord(customer.doc, 'devices', 'dev1', { name: 'NW-DC01', type: 'server', warrantyExpiry: '2028-02-29' });
		upsertRecord(contracts.doc, 'customerContracts', 'cc1', { customerId: 'c-stack', name: 'Managed services', party: 'msp', type: 'recurring', amountPerPeriod: 120000 });

		const rows = await eventually(async () => {
			const all = await readAllRows(owner.client);
			return all.customerContracts?.length && all.devices?.length && all.vendorContracts?.length ? all : null;
		}, 10_000, 'rows of every kind');
		expect(rows.products).toEqual([expect.objectContaining({ id: 'p1', unitCost: 3000, unitPrice: 5500, docName: `${owner.tenantId}:catalog` })]);
		expect(rows.vendorContracts).toEqual([expect.objectContaining({ productIds: ['p1'], renewalDate: '2027-03-31', autoRenew: true })]);
		expect(rows.deployments).toEqual([expect.objectContaining({ customerId: 'c-stack', productId: 'p1', quantity: 12, since: '2026-02-01' })]);
		expect(rows.devices).toEqual([expect.objectContaining({ type: 'server', warrantyExpiry: '2028-02-29' })]);
		expect(rows.customerContracts).toEqual([expect.objectContaining({ customerId: 'c-stack', type: 'recurring', amountPerPeriod: 120000, period: 'monthly' })]);
		for (const open of [catalog, contracts, customer]) open.close();
	});

	it('quarantines a poisoned record while the rest of the document projects', async () => {
		const owner = await signUpTenant(server.app.url);
		const name = `${owner.tenantId}:customer:c-poison`;
		const a = await openAs(owner.client, name);
		setEntity(a.doc, 'customer', { id: 'c-poison', name: 'Fabrikam', status: 'active' });
		upsertRecord(a.doc, 'contacts', 'good', { name: 'Good Contact' });
		upsertRecord(a.doc, 'contacts', 'bad', { name: '', email: 'x@example.test' });
		const problems = await eventually(async () => {
			const res = await owner.client.get('/api/v1/sync/problems');
			return res.json.problems.length > 0 ? res.json.problems : null;
		}, 10_000, 'the quarantine');
		expect(problems).toEqual([expect.objectContaining({ docName: name, collection: 'contacts', recordId: 'bad', reason: 'name: a contact needs a name' })]);
		const rows = await readAllRows(owner.client);
		expect(rows.customers.map((c) => c.name)).toEqual(['Fabrikam']);
		expect(rows.contacts.map((c) => c.id)).toEqual(['good']);

		// fixing the record clears the problem and projects it
		a.doc.getMap<Y.Map<unknown>>('contacts').get('bad')!.set('name', 'Fixed Contact');
		await eventually(async () => (await owner.client.get('/api/v1/sync/problems')).json.problems.length === 0, 10_000, 'the fix');
		expect((await readAllRows(owner.client)).contacts.map((c) => c.id)).toEqual(['bad', 'good']);
		a.close();
	});

	it('keeps tenants apart in the feed, and a technician may not see sync problems', async () => {
		const a = await signUpTenant(server.app.url);
		const b = await signUpTenant(server.app.url);
		const doc = await openAs(a.client, `${a.tenantId}:customer:c-private`);
		setEntity(doc.doc, 'customer', { id: 'c-private', name: 'Private Co', status: 'active' });
		await eventually(async () => (await readAllRows(a.client)).customers.length === 1, 10_000, 'A\'s row');
		// every table of the feed is there, and empty
		expect(Object.values(await readAllRows(b.client)).every((rows) => rows.length === 0)).toBe(true);
		const bad = await a.client.get('/api/v1/sync/rows?since=abc');
		expect(bad.status).toBe(400);
		doc.close();
	});
});

// the server closes that document's connection on the shared socket, saying why
function closeReason(outcome: Awaited<ReturnType<typeof openAs>>) {
	return new Promise<string>((resolve) => outcome.provider.on('close', ({ event }: { event: CloseEvent }) => resolve(event.reason)));
}

describe('bad messages', () => {
	it('a malformed update closes only that connection and leaves the document intact', async () => {
		const owner = await signUpTenant(server.app.url);
		const name = `${owner.tenantId}:customer:c-garbage`;
		const good = await openAs(owner.client, name);
		const evil = await openAs(owner.client, name);
		setEntity(good.doc, 'customer', { id: 'c-garbage', name: 'Intact Ltd', status: 'active' });
		await eventually(() => evil.doc.getMap('customer').get('name') === 'Intact Ltd', 5000, 'sync');

		const closed = closeReason(evil);
		evil.provider.configuration.websocketProvider.send(updateMessage(name, new Uint8Array([1, 2, 3, 250, 251, 252, 7])));
		expect(await closed).toBe('malformed-update');

		// the document is as it was and the other client goes on editing
		good.doc.getMap('customer').set('phone', '+1 555 0100');
		const reader = await openAs(owner.client, name);
		await eventually(() => reader.doc.getMap('customer').get('phone') === '+1 555 0100', 5000, 'later edits');
		expect(reader.doc.getMap('customer').get('name')).toBe('Intact Ltd');
		for (const c of [good, evil, reader]) c.close();
	});

	it('an oversized update closes only that connection', async () => {
		const owner = await signUpTenant(server.app.url);
		const name = `${owner.tenantId}:customer:c-big`;
		const big = await openAs(owner.client, name);
		const other = await openAs(owner.client, name);
		const huge = new Y.Doc();
		huge.getMap('customer').set('notes', 'x'.repeat(1_500_000));
		const closed = closeReason(big);
		big.provider.configuration.websocketProvider.send(updateMessage(name, Y.encodeStateAsUpdate(huge)));
		expect(await closed).toBe('update-too-large');
		setEntity(other.doc, 'customer', { id: 'c-big', name: 'Still fine', status: 'active' });
		await eventually(async () => (await readAllRows(owner.client)).customers.some((c) => c.name === 'Still fine'), 10_000, 'other edits');
		expect(other.doc.getMap('customer').has('notes')).toBe(false);
		big.close();
		other.close();
	});
});
