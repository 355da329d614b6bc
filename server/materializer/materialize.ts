import type { Db } from '#lib/server/db/index.js';
import { writeProjections, type DocProjection } from '#lib/server/repositories/projection-writes.js';
import { loadStoredDocs } from '#lib/server/repositories/ydocs.js';
import { projectorOf, projectStored } from './projectors.js';

export type DocRef = { tenantId: string; docName: string };

/**
 * Projects documents as they are now in the database (folded state + log, all
 * read in one statement) and writes their rows in one transaction. Idempotent:
 * running it twice writes nothing the second time. Returns the documents that
 * failed, each with its error; the others are written.
 */
export async function materializeDocuments(db: Db, docs: DocRef[]): Promise<{ doc: DocRef; error: unknown }[]> {
	const projectable = docs.filter((d) => projectorOf(d.docName));
	const stored = await loadStoredDocs(db, projectable.map((d) => ({ tenantId: d.tenantId, name: d.docName })));
	const failed: { doc: DocRef; error: unknown }[] = [];
	const projections: (DocProjection & { ref: DocRef })[] = [];
	for (const ref of projectable) {
		try {
			const projected = projectStored(ref.docName, stored.get(`${ref.tenantId}|${ref.docName}`)!)!;
			projections.push({ tenantId: ref.tenantId, name: ref.docName, ...projected, ref });
		} catch (error) {
			failed.push({ doc: ref, error });
		}
	}
	try {
		await writeProjections(db, projections);
	} catch {
		// one document's rows can sink a batch: write each alone, so only that one fails
		for (const projection of projections) {
			await writeProjections(db, [projection]).catch((error) => failed.push({ doc: projection.ref, error }));
		}
	}
	return failed;
}
