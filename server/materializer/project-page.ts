import { parentPort } from 'node:worker_threads';
import type { ProjectionTableName } from '#lib/server/repositories/projection-tables.js';
import { projectionCsv, type SourcedRow } from '#lib/server/repositories/projections.js';
import type { ProjectedRows } from '#lib/server/repositories/projection-writes.js';
import type { StoredDoc } from '#lib/server/repositories/ydocs.js';
import type { Problem } from '#lib/domain/documents/project.js';
import { projectStored } from './projectors.js';
import { warmUp } from './warm-up.js';

export interface PageJob {
	docs: { tenantId: string; name: string }[];
	/** by `tenantId|name`, as loadStoredDocs returns them */
	stored: Map<string, StoredDoc>;
}

/** A page of documents projected and serialized for the bulk loads: CSV per table, problems as JSON. */
export interface ProjectedPage {
	tables: [ProjectionTableName, string][];
	problems: string;
	rows: number;
}

/**
 * Projects a page of documents into rows that say where they came from
 * (tenant, document, version), serialized as the bulk loads take them, so the
 * work can run on a worker thread and hand back plain strings.
 */
export function projectPage({ docs, stored }: PageJob): ProjectedPage {
	const tables = new Map<ProjectionTableName, SourcedRow[]>();
	const problems: object[] = [];
	for (const { tenantId, name } of docs) {
		const projection = projectStored(name, stored.get(`${tenantId}|${name}`)!);
		if (!projection) continue;
		const docVersion = projection.version;
		for (const [key, list] of Object.entries(projection.tables) as [ProjectionTableName, Record<string, unknown>[]][]) {
			const target = tables.get(key) ?? tables.set(key, []).get(key)!;
			for (const row of list) target.push({ tenantId, docName: name, docVersion, row });
		}
		for (const problem of projection.problems) problems.push({ ...problem, tenantId, docName: name, docVersion });
	}
	return {
		tables: [...tables].map(([key, list]) => [key, projectionCsv(key, list)]),
		problems: JSON.stringify(problems),
		rows: [...tables.values()].reduce((n, list) => n + list.length, 0)
	};
}

/** One document of a materializer round projected (its rows and the version they are of), or why it could not be. */
export type ProjectedDoc = { version: number; tables: ProjectedRows; problems: Problem[] } | { error: string };

const message = (error: unknown) => (error instanceof Error ? (error.stack ?? error.message) : String(error));

/**
 * The documents of a materializer round projected one by one, in the order given:
 * a document that throws fails alone. Plain objects, so the work can run on a worker thread.
 */
export function projectDocs({ docs, stored }: PageJob): ProjectedDoc[] {
	return docs.map(({ tenantId, name }) => {
		try {
			return projectStored(name, stored.get(`${tenantId}|${name}`)!)!;
		} catch (error) {
			return { error: message(error) };
		}
	});
}

export type ProjectionJob = { kind: 'page'; job: PageJob } | { kind: 'docs'; job: PageJob };

/** Runs a job on this thread: the worker's work, and the pool's when it has no workers. */
export function runProjectionJob({ kind, job }: ProjectionJob): ProjectedPage | ProjectedDoc[] {
	return kind === 'page' ? projectPage(job) : projectDocs(job);
}

/** The worker side of ProjectionPool: answers each job message with its result or its error, once warmed up. */
export function serveProjectionJobs() {
	warmUp();
	parentPort!.postMessage({ ready: true });
	parentPort!.on('message', ({ id, job }: { id: number; job: ProjectionJob }) => {
		try {
			parentPort!.postMessage({ id, result: runProjectionJob(job) });
		} catch (error) {
			parentPort!.postMessage({ id, error: message(error) });
		}
	});
}
