import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { projectCatalog } from '#lib/domain/catalog/projection.js';
import { upsertRecord } from '#lib/domain/documents/shape.js';
import { serverForFile } from '../support/app.js';
import { ApiClient, signUpTenant } from '../support/client.js';
import { readAllRows } from '../support/feed.js';
import { allAcknowledged, eventually, openAs } from '../support/sync.js';

const server = serverForFile();

describe('the catalog', () => {
	it('two admins edit it offline and merge: every product, vendor and field change lands once', async () => {
		const owner = await signUpTenant(server.app.url);
		const res = await owner.client.post('/api/v1/invitations', { email: `admin-${crypto.randomUUID()}@example.test`, role: 'admin' });
		const admin = new ApiClient(server.app.url);
		await admin.post('/api/v1/invitations/accept', { token: res.json.invitation.acceptUrl.split('/invite/')[1], name: 'Second Admin', password: 'a long password' });
		const name = `${owner.tenantId}:catalog`;

		const seed = await openAs(owner.client, name);
		upsertRecord(seed.doc, 'vendors', 'v-shared', { name: 'Microsoft' });
		upsertRecord(seed.doc, 'products', 'p-shared', { name: 'Microsoft 365 Business Premium', vendorId: 'v-shared', unitCost: 1800, unitPrice: 2200, unit: 'per-user' });
		await allAcknowledged(seed.provider);
		// both laptops synced once, then went offline
		const [docA, docB] = [new Y.Doc(), new Y.Doc()];
		Y.applyUpdate(docA, Y.encodeStateAsUpdate(seed.doc));
		Y.applyUpdate(docB, Y.encodeStateAsUpdate(seed.doc));
		seed.close();

		for (let i = 0; i < 50; i++) {
			upsertRecord(docA, 'products', `p-a-${i}`, { name: `A product ${i}`, unitPrice: 100 + i, unit: 'per-device' });
			upsertRecord(docB, 'products', `p-b-${i}`, { name: `B product ${i}`, unitPrice: 200 + i, unit: 'flat' });
		}
		upsertRecord(docA, 'vendors', 'v-a', { name: 'SentinelOne' });
		upsertRecord(docB, 'vendors', 'v-b', { name: 'Datto' });
		// different fields of the same product: both survive; the same field: one value, the same on both
		upsertRecord(docA, 'products', 'p-shared', { unitPrice: 2400 });
		upsertRecord(docB, 'products', 'p-shared', { sku: 'CFQ7TTC0LDPB' });
		upsertRecord(docA, 'vendors', 'v-shared', { phone: '+1 800 642 7676' });
		upsertRecord(docB, 'vendors', 'v-shared', { phone: '+1 800 MICROSOFT' });

		const [a, b] = await Promise.all([openAs(owner.client, name, { doc: docA }), openAs(admin, name, { doc: docB })]);
		await Promise.all([allAcknowledged(a.provider), allAcknowledged(b.provider)]);
		await eventually(() => isDeepStrictEqual(a.doc.toJSON(), b.doc.toJSON()), 10_000, 'convergence');
		const merged = projectCatalog(a.doc);
		expect(merged.problems).toEqual([]);
		expect(merged.products).toHaveLength(101);
		expect(merged.vendors.map((v) => v.name).sort()).toEqual(['Datto', 'Microsoft', 'SentinelOne']);
		expect(merged.products.find((p) => p.id === 'p-shared')).toMatchObject({ unitPrice: 2400, sku: 'CFQ7TTC0LDPB' });

		const rows = await eventually(async () => {
			const all = await readAllRows(owner.client);
			return all.products?.length === 101 && all.vendors?.length === 3 && all.products.find((p) => p.id === 'p-shared')?.sku ? all : null;
		}, 15_000, 'rows of the merged catalog');
		const strip = (list: Record<string, unknown>[]) => list.map(({ docName: _, ...row }) => row);
		expect(strip(rows.products)).toEqual(merged.products);
		expect(strip(rows.vendors)).toEqual(merged.vendors);
		a.close();
		b.close();
	});

	it('a technician reads the catalog but cannot change it', async () => {
		const owner = await signUpTenant(server.app.url);
		const res = await owner.client.post('/api/v1/invitations', { email: `tech-${crypto.randomUUID()}@example.test`, role: 'technician' });
		const tech = new ApiClient(server.app.url);
		await tech.post('/api/v1/invitations/accept', { token: res.json.invitation.acceptUrl.split('/invite/')[1], name: 'Tech', password: 'a long password' });
		const writer = await openAs(owner.client, `${owner.tenantId}:catalog`);
		upsertRecord(writer.doc, 'products', 'p1', { name: 'Backup', unit: 'flat' });
		await allAcknowledged(writer.provider);
		const reader = await openAs(tech, `${owner.tenantId}:catalog`);
		expect(reader.readOnly).toBe(true);
		expect(projectCatalog(reader.doc).products.map((p) => p.name)).toEqual(['Backup']);
		upsertRecord(reader.doc, 'products', 'p1', { name: 'Changed by a technician' });
		await new Promise((r) => setTimeout(r, 500));
		expect(writer.doc.getMap<Y.Map<unknown>>('products').get('p1')!.get('name')).toBe('Backup');
		writer.close();
		reader.close();
	});
});
