import { parseDocName } from '#lib/domain/documents/names.js';
import type { Db } from '#lib/server/db/index.js';
import { writeProjection } from '#lib/server/repositories/projections.js';
import { loadStoredDoc } from '#lib/server/repositories/ydocs.js';
import { applyStored } from '../sync/stored-doc.js';
import { PROJECTORS } from './projectors.js';

/**
 * Projects one document as it is now in the database (folded state + log) and
 * writes its rows. Idempotent: running it twice writes nothing the second time.
 */
export async function materializeDocument(db: Db, tenantId: string, docName: string): Promise<void> {
	const name = parseDocName(docName);
	const projector = name && PROJECTORS[name.kind];
	if (!projector) return;
	const stored = await loadStoredDoc(db, tenantId, docName);
	const version = Math.max(stored.version, ...stored.updates.map((u) => u.seq));
	const doc = applyStored(stored);
	try {
		const { tables, problems } = projector(docName, doc);
		await writeProjection(db, { tenantId, name: docName, version }, tables, problems);
	} finally {
		doc.destroy();
	}
}
