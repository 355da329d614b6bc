import { isDeepStrictEqual } from 'node:util';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { projectCustomer } from '#lib/domain/customer/projection.js';
import { setEntity } from '#lib/domain/documents/shape.js';
import { rematerializeVerified, serverForFile } from '../support/app.js';
import { ApiClient, signUpTenant } from '../support/client.js';
import { testBackend } from '../support/database.js';
import { readAllRows } from '../support/feed.js';
import { allAcknowledged, eventually, openAs } from '../support/sync.js';

const server = serverForFile();

describe('crash safety', () => {
	it('kill -9 during a write burst loses no acknowledged update, and unacknowledged ones arrive after reconnect', async () => {
		const owner = await signUpTenant(server.app.url);
		const name = `${owner.tenantId}:customer:c-crash`;
		const writer = await openAs(owner.client, name, { reconnect: true });
		setEntity(writer.doc, 'customer', { id: 'c-crash', name: 'Crash Test Ltd', status: 'active' });
		const probe = writer.doc.getMap('probe');

		// a burst of 400 separate updates; the server dies part-way through
		const total = 400;
		let acknowledgedAtKill = -1;
		for (let i = 0; i < total; i++) {
			probe.set(`k${i}`, i);
			if (i === 250) {
				// a loaded machine may not have acknowledged anything yet: wait for some acks, not all
				await eventually(() => writer.provider.unsyncedChanges < 200, 20_000, 'some acknowledgements');
				const killed = server.app.halt('SIGKILL');
				acknowledgedAtKill = i + 1 - writer.provider.unsyncedChanges;
				await killed;
			}
			if (i % 20 === 0) await new Promise((r) => setTimeout(r, 2));
		}
		expect(acknowledgedAtKill).toBeGreaterThan(0);

		server.app = await server.app.relaunch();
		// a fresh reader, before the writer is back: everything acknowledged is there
		const login = new ApiClient(server.app.url);
		await login.post('/api/v1/auth/login', { email: owner.input.email, password: owner.input.password });
		const reader = await openAs(login, name, { reconnect: true });
		for (let i = 0; i < acknowledgedAtKill; i++) expect(reader.doc.getMap('probe').get(`k${i}`), `k${i}`).toBe(i);

		// the writer reconnects by itself and sends what was never acknowledged
		await allAcknowledged(writer.provider, 30_000);
		await eventually(() => reader.doc.getMap('probe').size === total, 10_000, 'every edit on the reader');
		expect(reader.doc.getMap('probe').toJSON()).toEqual(writer.doc.getMap('probe').toJSON());
		await eventually(async () => (await readAllRows(login)).customers.length === 1, 10_000, 'the row');
		writer.close();
		reader.close();
	});
});

// renaming a table under a running server needs a database server of its own: PGlite is the server's
describe.skipIf(testBackend() !== 'postgres')('an unwritable log', () => {
	it('never acknowledges an update it could not log, and saves it once the log is back', async () => {
		const owner = await signUpTenant(server.app.url);
		const name = `${owner.tenantId}:customer:c-nolog`;
		const writer = await openAs(owner.client, name, { reconnect: true });
		setEntity(writer.doc, 'customer', { id: 'c-nolog', name: 'No Log Ltd', status: 'active' });
		await allAcknowledged(writer.provider);
		const peer = await openAs(owner.client, name);

		const db = new pg.Client({ connectionString: server.app.database.env.DATABASE_URL });
		await db.connect();
		await db.query('ALTER TABLE ydoc_updates RENAME TO ydoc_updates_away');
		try {
			writer.doc.getMap('customer').set('phone', '0113 496 0000');
			await eventually(() => server.app.output().includes('cannot log'), 10_000, 'the failure');
			// co-editors see the edit at once; the writer is not told it is saved
			await eventually(() => peer.doc.getMap('customer').get('phone') === '0113 496 0000', 5000, 'the edit on the peer');
			await new Promise((r) => setTimeout(r, 500));
			expect(writer.provider.unsyncedChanges).toBeGreaterThan(0);
		} finally {
			// the later tests of this file share the database
			await db.query('ALTER TABLE ydoc_updates_away RENAME TO ydoc_updates');
			await db.end();
		}

		// the server retries; once logged it is acknowledged, and survives a crash
		await allAcknowledged(writer.provider, 30_000);
		await server.app.halt('SIGKILL');
		server.app = await server.app.relaunch();
		const login = new ApiClient(server.app.url);
		await login.post('/api/v1/auth/login', { email: owner.input.email, password: owner.input.password });
		const reader = await openAs(login, name);
		expect(reader.doc.getMap('customer').get('phone')).toBe('0113 496 0000');
		writer.close();
		peer.close();
		reader.close();
	});
});

describe('offline merge', () => {
	it('two clients with 500 offline edits each converge to identical documents and rows', async () => {
		const owner = await signUpTenant(server.app.url);
		const name = `${owner.tenantId}:customer:c-merge`;
		const seed = await openAs(owner.client, name);
		setEntity(seed.doc, 'customer', { id: 'c-merge', name: 'Merge Co', status: 'active' });
		const sites = seed.doc.getMap<Y.Map<unknown>>('sites');
		seed.doc.transact(() => {
			for (const id of ['s-shared', 's-doomed']) {
				const site = new Y.Map<unknown>();
				sites.set(id, site);
				site.set('id', id);
				site.set('name', `Site ${id}`);
			}
		});
		await allAcknowledged(seed.provider);
		// two replicas that synced once, then went offline (their edits stay local)
		const docA = new Y.Doc();
		const docB = new Y.Doc();
		Y.applyUpdate(docA, Y.encodeStateAsUpdate(seed.doc));
		Y.applyUpdate(docB, Y.encodeStateAsUpdate(seed.doc));
		seed.close();

		const edit = (doc: Y.Doc, who: string) => {
			for (let i = 0; i < 500; i++) {
				const kind = i % 5;
				if (kind === 0) doc.getMap('customer').set('phone', `${who}-${i}`);
				else if (kind === 1) upsert(doc, 'sites', `s-${who}-${i}`, { name: `Site ${who} ${i}`, city: who });
				else if (kind === 2) upsert(doc, 'contacts', `p-${who}-${i}`, { name: `Contact ${who} ${i}`, siteId: 's-shared' });
				else if (kind === 3) upsert(doc, 'sites', 's-shared', { hours: `${who} ${i}` });
				else upsert(doc, 'contacts', `p-${who}-${i - 2}`, { title: `Title ${i}` });
			}
		};
		edit(docA, 'a');
		edit(docB, 'b');
		// a delete racing an edit of the same record
		upsert(docA, 'sites', 's-doomed', { deletedAt: '2026-11-22T12:00:00.000Z' });
		upsert(docB, 'sites', 's-doomed', { phone: '+1 555 0199' });

		// back online
		const [a, b] = await Promise.all([openAs(owner.client, name, { doc: docA }), openAs(owner.client, name, { doc: docB })]);
		await Promise.all([allAcknowledged(a.provider), allAcknowledged(b.provider)]);
		await eventually(() => equalState(a.doc, b.doc), 10_000, 'convergence');
		expect(a.doc.getMap('sites').toJSON()).toEqual(b.doc.getMap('sites').toJSON());
		expect(a.doc.getMap('contacts').size).toBe(200);
		expect(a.doc.getMap('sites').size).toBe(2 + 200);
		const doomed = a.doc.getMap<Y.Map<unknown>>('sites').get('s-doomed')!;
		expect(doomed.get('deletedAt')).toBe('2026-11-22T12:00:00.000Z');
		expect(doomed.get('phone')).toBe('+1 555 0199');

		const rows = await eventually(async () => {
			const all = await readAllRows(owner.client);
			return all.contacts.length === 200 && all.sites.length === 202 && all.sites.find((s) => s.id === 's-shared')?.hours === a.doc.getMap<Y.Map<unknown>>('sites').get('s-shared')!.get('hours') ? all : null;
		}, 15_000, 'rows of the merged document');
		// the rows are exactly the projection of either replica
		const expected = projectCustomer(name, a.doc);
		const strip = (list: Record<string, unknown>[]) => list.map(({ docName: _, ...row }) => row);
		expect(strip(rows.customers)).toEqual(expected.customers);
		expect(strip(rows.sites)).toEqual(expected.sites);
		expect(strip(rows.contacts)).toEqual(expected.contacts);
		expect(projectCustomer(name, b.doc)).toEqual(expected);
		a.close();
		b.close();
	});
});

describe('rematerialize', () => {
	it('rebuilds every projection from the documents, identical to what the materializer wrote', async () => {
		const owner = await signUpTenant(server.app.url);
		const doc = await openAs(owner.client, `${owner.tenantId}:customer:c-remat`);
		setEntity(doc.doc, 'customer', { id: 'c-remat', name: 'Rebuild Inc', status: 'prospect', createdAt: '2026-01-02T03:04:05.000Z' });
		upsert(doc.doc, 'contacts', 'p-bad', { name: '' });
		upsert(doc.doc, 'sites', 's-1', { name: 'Depot', deletedAt: '2026-11-01T00:00:00.000Z' });
		// what a bulk load's CSV must carry through unchanged: quotes, commas, line breaks, backslashes, NULL look-alikes
		upsert(doc.doc, 'sites', 's-2', { name: 'Unit 4, "The Yard"', address1: 'Line one\nLine two\r\n', address2: '', city: '\\N', region: 'NULL' });
		upsert(doc.doc, 'contacts', 'p-2', { name: 'Zoë O\'Brien ☕', title: '"Head", of IT', siteId: 's-2' });
		await allAcknowledged(doc.provider);
		await eventually(async () => (await readAllRows(owner.client)).sites.length === 2, 10_000, 'rows');
		doc.close();
		const result = await rematerializeVerified(server);
		expect(result.output).toContain('projections identical');
		expect(result.code).toBe(0);
	});
});

function upsert(doc: Y.Doc, collection: string, id: string, fields: Record<string, string>) {
	doc.transact(() => {
		const map = doc.getMap<Y.Map<unknown>>(collection);
		let record = map.get(id);
		if (!record) {
			record = new Y.Map();
			map.set(id, record);
			record.set('id', id);
		}
		for (const [k, v] of Object.entries(fields)) record.set(k, v);
	});
}

function equalState(a: Y.Doc, b: Y.Doc) {
	return Buffer.from(Y.encodeStateVector(a)).equals(Buffer.from(Y.encodeStateVector(b))) &&
		isDeepStrictEqual(a.toJSON(), b.toJSON());
}
