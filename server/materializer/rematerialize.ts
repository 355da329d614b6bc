import { parseDocName } from '#lib/domain/documents/names.js';
import type { Problem } from '#lib/domain/documents/project.js';
import type { Db } from '#lib/server/db/index.js';
import type { ProjectionTableName } from '#lib/server/repositories/projection-tables.js';
import { dumpProjections, truncateProjections } from '#lib/server/repositories/projection-dump.js';
import { insertProblems, insertProjectionRows, type SourcedRow } from '#lib/server/repositories/projections.js';
import { allDocNames, loadStoredDocs } from '#lib/server/repositories/ydocs.js';
import { applyStored } from '../sync/stored-doc.js';
import { PROJECTORS } from './projectors.js';

/** Documents read, projected and inserted per round: a few hundred keeps statements big and memory small. */
const PAGE = 250;

/**
 * Rebuilds every projection from the documents (`npm run rematerialize`): empty the
 * tables, then project the documents a page at a time with bulk inserts — the same
 * rows the materializer writes one document at a time. With `verify`, compares the
 * rebuilt tables with the ones before and reports whether they are identical.
 */
export async function rematerialize(db: Db, { verify = false } = {}) {
	const before = verify ? await dumpProjections(db) : '';
	const started = performance.now();
	const docs = await allDocNames(db);
	let rows = 0;
	await db.transaction(async (tx) => {
		await truncateProjections(tx);
		for (let i = 0; i < docs.length; i += PAGE) rows += await rebuildPage(tx, docs.slice(i, i + PAGE));
	});
	const seconds = (performance.now() - started) / 1000;
	const after = verify ? await dumpProjections(db) : '';
	return { documents: docs.length, rows, seconds, identical: verify ? before === after : undefined, before, after };
}

async function rebuildPage(db: Db, page: { tenantId: string; name: string }[]): Promise<number> {
	const stored = await loadStoredDocs(db, page);
	const tables = new Map<ProjectionTableName, SourcedRow[]>();
	const problems: (Problem & { tenantId: string; docName: string; docVersion: number })[] = [];
	for (const { tenantId, name } of page) {
		const kind = parseDocName(name)?.kind;
		const projector = kind && PROJECTORS[kind];
		if (!projector) continue;
		const doc = stored.get(`${tenantId}|${name}`)!;
		const docVersion = Math.max(doc.version, ...doc.updates.map((u) => u.seq));
		const ydoc = applyStored(doc);
		const projection = projector(name, ydoc);
		ydoc.destroy();
		for (const [key, list] of Object.entries(projection.tables) as [ProjectionTableName, object[]][]) {
			const target = tables.get(key) ?? tables.set(key, []).get(key)!;
			for (const row of list) target.push({ tenantId, docName: name, docVersion, row });
		}
		for (const problem of projection.problems) problems.push({ ...problem, tenantId, docName: name, docVersion });
	}
	for (const [key, list] of tables) await insertProjectionRows(db, key, list);
	await insertProblems(db, problems);
	return [...tables.values()].reduce((n, list) => n + list.length, 0);
}
