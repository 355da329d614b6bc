import * as Y from 'yjs';
import type { StoredDoc } from '../repositories/ydocs.js';

// a server-side scratch document needs no random guid (uuidv4 draws 31 random numbers: a tenth of rematerialize's time)
const scratchDoc = () => new Y.Doc({ guid: 'server' });

/** Applies the stored state and every logged update onto `doc` (a fresh one by default). */
export function applyStored(stored: StoredDoc, doc: Y.Doc = scratchDoc()): Y.Doc {
	doc.transact(() => {
		if (stored.state) Y.applyUpdate(doc, stored.state);
		for (const { update } of stored.updates) Y.applyUpdate(doc, update);
	});
	return doc;
}

/** The folded state: stored state + log + (when loaded here) the live document. */
export function foldState(stored: StoredDoc, live?: Y.Doc) {
	const doc = applyStored(stored);
	if (live) Y.applyUpdate(doc, Y.encodeStateAsUpdate(live));
	const folded = { state: Y.encodeStateAsUpdate(doc), stateVector: Y.encodeStateVector(doc) };
	doc.destroy();
	return folded;
}
