import type { Db } from '#lib/server/db/index.js';
import { dumpProjections, truncateProjections } from '#lib/server/repositories/projection-dump.js';
import { allDocNames } from '#lib/server/repositories/ydocs.js';
import { materializeDocument } from './materialize.js';

/**
 * Rebuilds every projection from the documents (`npm run rematerialize`).
 * With `verify`, compares the rebuilt tables with the ones before and reports
 * whether they are identical.
 */
export async function rematerialize(db: Db, { verify = false } = {}) {
	const before = verify ? await dumpProjections(db) : '';
	const started = performance.now();
	await truncateProjections(db);
	const docs = await allDocNames(db);
	for (const { tenantId, name } of docs) await materializeDocument(db, tenantId, name);
	const seconds = (performance.now() - started) / 1000;
	const after = verify ? await dumpProjections(db) : '';
	return { documents: docs.length, seconds, identical: verify ? before === after : undefined, before, after };
}
