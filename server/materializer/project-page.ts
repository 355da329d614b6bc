import { parentPort } from 'node:worker_threads';
import type { ProjectionTableName } from '#lib/server/repositories/projection-tables.js';
import { projectionCsv, type SourcedRow } from '#lib/server/repositories/projections.js';
import type { StoredDoc } from '#lib/server/repositories/ydocs.js';
import { projectStored } from './projectors.js';

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

/** The worker side of ProjectionPool: answers each job message with its projected page or its error. */
export function serveProjectionJobs() {
	parentPort!.on('message', ({ id, job }: { id: number; job: PageJob }) => {
		try {
			parentPort!.postMessage({ id, page: projectPage(job) });
		} catch (error) {
			parentPort!.postMessage({ id, error: error instanceof Error ? error.stack ?? error.message : String(error) });
		}
	});
}
