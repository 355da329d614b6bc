import type { Extension, onLoadDocumentPayload, onStoreDocumentPayload } from '@hocuspocus/server';
import { parseDocName } from '#lib/domain/documents/names.js';
import type { Db } from '#lib/server/db/index.js';
import { foldDocument, loadStoredDoc } from '#lib/server/repositories/ydocs.js';
import { applyStored, foldState } from '#lib/server/documents/stored-doc.js';

function tenantOf(documentName: string): string {
	const doc = parseDocName(documentName);
	// authentication already refused such names; this guards direct connections
	if (!doc) throw new Error(`invalid document name ${documentName}`);
	return doc.tenantId;
}

/**
 * Documents load from their folded state plus the log, and storing one folds
 * the log into the state (the compactor's job for loaded documents).
 */
export function persistence(db: Db): Extension {
	return {
		async onLoadDocument({ documentName, document }: onLoadDocumentPayload) {
			applyStored(await loadStoredDoc(db, tenantOf(documentName), documentName), document);
			return document;
		},
		async onStoreDocument({ documentName, document }: onStoreDocumentPayload) {
			await foldDocument(db, tenantOf(documentName), documentName, (stored) => foldState(stored, document));
		}
	};
}
