import { afterAll, describe, expect, it } from 'vitest';
import { setEntity, upsertRecord } from '#lib/domain/documents/shape.js';
import { serverForFile, startSibling, type RunningApp } from '../support/app.js';
import { ApiClient, signUpTenant } from '../support/client.js';
import { testBackend } from '../support/database.js';
import { readAllRows } from '../support/feed.js';
import { allAcknowledged, eventually, openAs } from '../support/sync.js';

// several nodes need a shared database server: PGlite is one process
const multiNode = testBackend() === 'postgres';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const server = serverForFile(multiNode ? { REDIS_URL } : {});
let second: RunningApp | undefined;
afterAll(() => second?.stop());

describe.skipIf(!multiNode)('two nodes behind Redis', () => {
	it('a client on each node sees the other\'s edits, and rows land once', async () => {
		second = await startSibling(server.app, { REDIS_URL });
		const owner = await signUpTenant(server.app.url);
		const name = `${owner.tenantId}:customer:c-nodes`;
		const a = await openAs(owner.client, name);
		const b = await openAs(new ApiClient(second.url, owner.client.cookie), name);

		setEntity(a.doc, 'customer', { id: 'c-nodes', name: 'Two Node Ltd', status: 'active' });
		await eventually(() => b.doc.getMap('customer').get('name') === 'Two Node Ltd', 5000, 'node 1 → node 2');
		upsertRecord(b.doc, 'sites', 's-b', { name: 'Written on node 2' });
		await eventually(() => a.doc.getMap('sites').has('s-b'), 5000, 'node 2 → node 1');
		for (let i = 0; i < 50; i++) upsertRecord(i % 2 ? a.doc : b.doc, 'contacts', `p${i}`, { name: `Contact ${i}` });
		await Promise.all([allAcknowledged(a.provider), allAcknowledged(b.provider)]);

		// both materializers run; the rows are right and there is one per record
		const rows = await eventually(async () => {
			const all = await readAllRows(owner.client);
			return all.contacts.length === 50 && all.sites.length === 1 ? all : null;
		}, 15_000, 'rows from both nodes');
		expect(rows.customers.map((c) => c.name)).toEqual(['Two Node Ltd']);
		a.close();
		b.close();

		// both nodes fold the document on shutdown; nothing is lost between them
		await second.stop();
		second = undefined;
		server.app = await server.app.restart();
		const login = new ApiClient(server.app.url);
		await login.post('/api/v1/auth/login', { email: owner.input.email, password: owner.input.password });
		const reader = await openAs(login, name);
		expect(reader.doc.getMap('contacts').size).toBe(50);
		expect(reader.doc.getMap('sites').has('s-b')).toBe(true);
		reader.close();
	});
});
