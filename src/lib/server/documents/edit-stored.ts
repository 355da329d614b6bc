import * as Y from 'yjs';
import type { Db } from '../db/index.js';
import { applyToLiveDoc } from '../live-docs.js';
import { appendUpdates, loadStoredDocs } from '../repositories/ydocs.js';
import { applyStored } from './stored-doc.js';

/** An update the server wrote to a document's log, still to be shown in the live copy. */
export interface StoredEdit {
	name: string;
	update: Uint8Array;
}

/**
 * Changes documents from the server (an import adding contacts, an undo, an
 * accepted portal proposal): each document as stored (state + log) gets `edit`,
 * and the difference is appended to the log like a client's update — durable,
 * projected by the materializer, merged by folding with whatever clients did
 * meanwhile. Runs in the caller's transaction when `db` is one; the edits are
 * returned so they reach the live documents only once it commits (`publishLive`).
 */
export async function writeStoredEdits(db: Db, tenantId: string, names: string[], edit: (name: string, doc: Y.Doc) => void): Promise<StoredEdit[]> {
	const stored = await loadStoredDocs(db, names.map((name) => ({ tenantId, name })));
	const edits: StoredEdit[] = [];
	for (const name of names) {
		const doc = applyStored(stored.get(`${tenantId}|${name}`)!);
		let update: Uint8Array;
		try {
			const before = Y.encodeStateVector(doc);
			edit(name, doc);
			update = Y.encodeStateAsUpdate(doc, before);
		} finally {
			doc.destroy();
		}
		// an update that changes nothing still encodes as two bytes
		if (update.byteLength <= 2) continue;
		await appendUpdates(db, tenantId, name, [update]);
		edits.push({ name, update });
	}
	return edits;
}

/** Applies written edits to the documents this node holds open, so people viewing them see the change at once. */
export function publishLive(edits: StoredEdit[]): void {
	for (const { name, update } of edits) applyToLiveDoc(name, update);
}

/** `writeStoredEdits` and `publishLive` in one, outside any transaction. */
export async function editStoredDocs(db: Db, tenantId: string, names: string[], edit: (name: string, doc: Y.Doc) => void): Promise<void> {
	publishLive(await writeStoredEdits(db, tenantId, names, edit));
}
