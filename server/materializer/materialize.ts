import type { Db } from '#lib/server/db/index.js';
import { writeProjections, type DocProjection } from '#lib/server/repositories/projection-writes.js';
import { loadStoredDocs } from '#lib/server/repositories/ydocs.js';
import type { ProjectionPool } from './projection-pool.js';
import { projectorOf } from './projectors.js';

export type DocRef = { tenantId: string; docName: string };

/**
 * Projects documents as they are now in the database (folded state + log, all
 * read in one statement) and writes their rows in one transaction. Idempotent:
 * running it twice writes nothing the second time. The decoding and validating
 * run on `pool` (the live server's is a worker thread: a 500-task project
 * takes tens of milliseconds, which would hold up every edit being relayed).
 * Returns the documents that failed, each with its error; the others are written.
 */
export async function materializeDocuments(db: Db, docs: DocRef[], pool: ProjectionPool): Promise<{ doc: DocRef; error: unknown }[]> {
	const projectable = docs.filter((d) => projectorOf(d.docName));
	const refs = projectable.map((d) => ({ tenantId: d.tenantId, name: d.docName }));
	const stored = await loadStoredDocs(db, refs);
	const projected = await pool.projectDocs({ docs: refs, stored });
	const failed: { doc: DocRef; error: unknown }[] = [];
	const projections: (DocProjection & { ref: DocRef })[] = [];
	projected.forEach((result, i) => {
		const ref = projectable[i];
		if ('error' in result) failed.push({ doc: ref, error: result.error });
		else projections.push({ tenantId: ref.tenantId, name: ref.docName, ...result, ref });
	});
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
