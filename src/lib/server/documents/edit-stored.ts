import * as Y from 'yjs';
import type { Db } from '../db/index.js';
import { applyToLiveDoc } from '../live-docs.js';
import { appendUpdates, loadStoredDocs } from '../repositories/ydocs.js';
import { applyStored } from './stored-doc.js';

/**
 * Changes documents from the server (an import adding contacts, an undo): each
 * document as stored (state + log) gets `edit`, and the difference is appended
 * to the log like a client's update — durable, projected by the materializer,
 * merged by folding with whatever clients did meanwhile — and applied to the
 * live copy if this node holds the document open.
 */
export async function editStoredDocs(db: Db, tenantId: string, names: string[], edit: (name: string, doc: Y.Doc) => void): Promise<void> {
	const stored = await loadStoredDocs(db, names.map((name) => ({ tenantId, name })));
	for (const name of names) {
		const doc = applyStored(stored.get(`${tenantId}|${name}`)!);
		const before = Y.encodeStateVector(doc);
		edit(name, doc);
		const update = Y.encodeStateAsUpdate(doc, before);
		doc.destroy();
		// an update that changes nothing still encodes as two bytes
		if (update.byteLength <= 2) continue;
		await appendUpdates(db, tenantId, name, [update]);
		applyToLiveDoc(name, update);
	}
}
