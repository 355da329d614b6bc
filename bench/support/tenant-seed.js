// A tenant's documents written through the websocket, as browsers would write them, and the
// rows feed that tells when the server has projected them; shared by the browser benchmarks.
import { HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { acknowledged, connectHocuspocus, waitFor } from './clients.js';

/** the server takes 200 documents per socket (maxDocumentsPerConnection) */
const PER_SOCKET = 200;

/** Writes the documents `docFor(i)` (i < count) gives, { name, doc }, 200 per socket, each acknowledged. */
export async function seedDocuments(server, account, count, docFor) {
	for (let start = 0; start < count; start += PER_SOCKET) {
		const token = await account.token();
		const socket = new HocuspocusProviderWebsocket({ url: server.wsUrl });
		const clients = await Promise.all(
			Array.from({ length: Math.min(PER_SOCKET, count - start) }, (_, i) => {
				const { name, doc } = docFor(start + i);
				return connectHocuspocus({ url: server.wsUrl, name: `${account.tenantId}:${name}`, token, socket, doc });
			})
		);
		await waitFor(() => clients.every((c) => acknowledged(c.provider)), { what: 'seeded documents acknowledged', timeoutMs: 60_000 });
		for (const c of clients) c.provider.destroy();
		socket.destroy();
	}
}

/** Sets a record (a flat Y.Map with its own id) in a collection of the document. */
export function setRecord(doc, collection, record) {
	const map = new Y.Map();
	doc.getMap(collection).set(record.id, map);
	for (const [k, v] of Object.entries(record)) map.set(k, v);
}

/** Customer number n with a head office; `fill(doc, id)` adds more (deployments…) in the same transaction. */
export function customerDoc(n, fill = () => {}) {
	const id = `bench-${String(n).padStart(5, '0')}`;
	const doc = new Y.Doc();
	doc.transact(() => {
		const customer = doc.getMap('customer');
		for (const [k, v] of Object.entries({ id, name: `Customer ${n} Ltd`, status: ['active', 'prospect', 'inactive'][n % 3], phone: `+1 555 ${String(n).padStart(4, '0')}`, createdAt: new Date(Date.UTC(2026, 0, 1 + (n % 300))).toISOString() })) customer.set(k, v);
		setRecord(doc, 'sites', { id: `${id}-s1`, name: 'Head office' });
		fill(doc, id);
	});
	return { name: `customer:${id}`, doc };
}

/** How many rows of `table` the rows feed has for the account, read to its end. */
export async function feedCount(server, account, table) {
	let since = '0';
	let count = 0;
	for (;;) {
		const res = await fetch(`${server.base}/api/v1/sync/rows?since=${since}&limit=5000`, { headers: { cookie: account.cookie } });
		const body = await res.json();
		count += body.tables[table]?.length ?? 0;
		since = body.cursor;
		if (!body.more) return count;
	}
}
