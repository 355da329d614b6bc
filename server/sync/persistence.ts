import type { Extension, onLoadDocumentPayload, onStoreDocumentPayload } from '@hocuspocus/server';
import * as Y from 'yjs';
import { parseDocName } from '#lib/domain/documents/names.js';
import type { Db } from '#lib/server/db/index.js';
import { loadYdoc, loadYdocUpdates, saveYdoc } from '#lib/server/repositories/ydocs.js';

function tenantOf(documentName: string): string {
	const doc = parseDocName(documentName);
	// authentication already refused such names; this guards direct connections
	if (!doc) throw new Error(`invalid document name ${documentName}`);
	return doc.tenantId;
}

/** Documents load from and store to the `ydocs` table. */
export function persistence(db: Db): Extension {
	return {
		async onLoadDocument({ documentName, document }: onLoadDocumentPayload) {
			const tenantId = tenantOf(documentName);
			const stored = await loadYdoc(db, tenantId, documentName);
			if (stored) Y.applyUpdate(document, stored.state);
			for (const update of await loadYdocUpdates(db, tenantId, documentName)) {
				Y.applyUpdate(document, update);
			}
			return document;
		},
		async onStoreDocument({ documentName, document }: onStoreDocumentPayload) {
			await saveYdoc(db, {
				tenantId: tenantOf(documentName),
				name: documentName,
				state: Y.encodeStateAsUpdate(document),
				stateVector: Y.encodeStateVector(document)
			});
		}
	};
}
