import { availableParallelism } from 'node:os';
import type { Db } from '#lib/server/db/index.js';
import { dumpProjections, truncateProjections } from '#lib/server/repositories/projection-dump.js';
import { copyProjectionRows, insertProblemsJson } from '#lib/server/repositories/projections.js';
import { allDocNames, loadStoredDocs } from '#lib/server/repositories/ydocs.js';
import type { ProjectedPage } from './project-page.js';
import { ProjectionPool } from './projection-pool.js';

/** Documents read, projected and inserted per round: a few hundred keeps statements big and memory small. */
const PAGE = 250;

export interface RematerializeOptions {
	verify?: boolean;
	/** an entry that serves projection jobs on worker threads (see ProjectionPool) */
	workerScript?: string;
}

/**
 * Rebuilds every projection from the documents (`npm run rematerialize`): empty the
 * tables, then project the documents a page at a time with bulk inserts — the same
 * rows the materializer writes one document at a time. With `verify`, compares the
 * rebuilt tables with the ones before and reports whether they are identical.
 */
export async function rematerialize(db: Db, { verify = false, workerScript }: RematerializeOptions = {}) {
	const before = verify ? await dumpProjections(db) : '';
	const started = performance.now();
	const docs = await allDocNames(db);
	// on one core a worker would only add copying: the pages are projected on this thread
	const cores = availableParallelism();
	const pool = new ProjectionPool(workerScript, cores < 2 ? 0 : cores);
	let rows = 0;
	try {
		await db.transaction(async (tx) => {
			await truncateProjections(tx);
			// with a pool, documents load on another connection while this one inserts
			rows = await rebuild({ reader: db.pooled ? db : tx, writer: tx }, docs, pool);
		});
	} finally {
		await pool.close();
	}
	const seconds = (performance.now() - started) / 1000;
	const after = verify ? await dumpProjections(db) : '';
	return { documents: docs.length, rows, seconds, identical: verify ? before === after : undefined, before, after };
}

/**
 * A pipeline: while workers project some pages, this thread loads the next and
 * inserts the finished ones. A connection takes one statement at a time, so
 * each goes through a queue (one queue when reader and writer are the same).
 */
async function rebuild(db: { reader: Db; writer: Db }, docs: { tenantId: string; name: string }[], pool: ProjectionPool): Promise<number> {
	const write = statementQueue();
	const read = db.reader === db.writer ? write : statementQueue();
	let rows = 0;
	const inFlight = new Set<Promise<void>>();
	for (let at = 0; at < docs.length; at += PAGE) {
		const page = docs.slice(at, at + PAGE);
		const stored = await read(() => loadStoredDocs(db.reader, page));
		const job = pool.project({ docs: page, stored }).then((projected) => {
			rows += projected.rows;
			return write(() => insertPage(db.writer, projected));
		});
		job.catch(() => undefined); // reported by the Promise.all below, not as an unhandled rejection
		inFlight.add(job);
		void job.finally(() => inFlight.delete(job)).catch(() => undefined);
		if (inFlight.size > pool.parallelism + 1) await Promise.race(inFlight);
	}
	await Promise.all(inFlight);
	return rows;
}

/** Runs statements one after another, each when the one before has settled. */
function statementQueue() {
	let last: Promise<unknown> = Promise.resolve();
	return <T>(statement: () => Promise<T>): Promise<T> => {
		const result = last.then(statement);
		last = result.catch(() => undefined);
		return result;
	};
}

async function insertPage(db: Db, { tables, problems }: ProjectedPage) {
	for (const [key, csv] of tables) await copyProjectionRows(db, key, csv);
	await insertProblemsJson(db, problems);
}
