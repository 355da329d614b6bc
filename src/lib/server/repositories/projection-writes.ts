import type { Problem } from '#lib/domain/documents/project.js';
import type { Db } from '../db/index.js';
import { PROJECTION_TABLE_NAMES, PROJECTION_TABLES, type ProjectionTable, type ProjectionTableName } from './projection-tables.js';

export type ProjectedRows = Partial<Record<ProjectionTableName, object[]>>;

/** One document's projection as the materializer made it. */
export interface DocProjection {
	tenantId: string;
	name: string;
	version: number;
	tables: ProjectedRows;
	problems: Problem[];
}

/**
 * Writes the projections of many documents in one transaction, a few set-based
 * statements per table whatever the number of documents: changed rows are
 * upserted with the next row_version; unchanged rows keep theirs (idempotent,
 * so re-running changes nothing); rows a document no longer yields are marked
 * deleted, except quarantined ones, which keep their last good version.
 */
export async function writeProjections(db: Db, docs: DocProjection[], { fresh = false } = {}): Promise<void> {
	if (docs.length === 0) return;
	await db.transaction(async (tx) => {
		// one writer per tenant at a time, so row_versions commit in order and the feed skips nothing;
		// taken in a fixed order, so two batches sharing tenants cannot deadlock
		for (const tenantId of [...new Set(docs.map((d) => d.tenantId))].sort()) {
			await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [tenantId]);
		}
		for (const key of PROJECTION_TABLE_NAMES) {
			const touching = docs.filter((d) => d.tables[key]);
			if (touching.length === 0) continue;
			const table = PROJECTION_TABLES[key];
			await upsertRows(tx, table, touching.flatMap((d) => d.tables[key]!.map((row) => ({ ...row, tenantId: d.tenantId, docName: d.name, docVersion: d.version }))));
			// documents made just now (an import) have no older rows to stamp or mark deleted
			if (fresh) continue;
			const versions = touching.map((d) => ({ tenantId: d.tenantId, docName: d.name, docVersion: d.version, keep: keptIds(d, key) }));
			await stampVersions(tx, table, versions);
			await markVanished(tx, table, versions);
		}
		await recordProblems(tx, docs, fresh);
	});
}

// a collection's rows go to the table of the same name ('sites'), or to one named with its document's kind
// too ('notes' → ticketNotes, 'entries' → timeEntries); the entity (e.g. 'customer') to its plural
function feedsTable(collection: string, key: string): boolean {
	const plural = collection.endsWith('s') ? collection : `${collection}s`;
	return key === plural || key.endsWith(plural[0].toUpperCase() + plural.slice(1));
}

/** The ids of a table the document still accounts for: its rows, and its quarantined records. */
function keptIds(doc: DocProjection, key: ProjectionTableName): string[] {
	const rows = doc.tables[key]!.map((r) => (r as { id: string }).id);
	return [...rows, ...doc.problems.filter((p) => feedsTable(p.collection, key)).map((p) => p.recordId)];
}

const SOURCE = `"tenantId" uuid, "docName" text, "docVersion" bigint`;

async function upsertRows(db: Db, table: ProjectionTable, rows: object[]) {
	if (rows.length === 0) return;
	const fields = Object.entries(table.columns);
	const columns = fields.map(([, [column]]) => column);
	const record = fields.map(([field, [, type]]) => `"${field}" ${type}`).join(', ');
	const selected = fields.map(([field]) => `r."${field}"`).join(', ');
	const changed = columns.filter((c) => c !== 'id');
	const incoming = [...fields.filter(([, [c]]) => c !== 'id').map(([field]) => `r."${field}"`), 'r."docName"'];
	// rows whose content the table already holds are left out before the upsert: ON CONFLICT
	// locks (writes) every row it meets even when its WHERE skips the update, and a round of
	// a 500-task project changes one or two
	await db.query(
		`INSERT INTO ${table.name} (tenant_id, ${columns.join(', ')}, doc_name, doc_version, row_version)
		 SELECT r."tenantId", ${selected}, r."docName", r."docVersion", nextval('row_versions')
		 FROM jsonb_to_recordset($1::jsonb) AS r(${SOURCE}, ${record})
		 WHERE NOT EXISTS (
		   SELECT 1 FROM ${table.name} t WHERE t.tenant_id = r."tenantId" AND t.id = r."id"
		   AND (${changed.map((c) => `t.${c}`).join(', ')}, t.doc_name) IS NOT DISTINCT FROM (${incoming.join(', ')}))
		 ON CONFLICT (tenant_id, id) DO UPDATE SET
		   ${[...changed, 'doc_name', 'doc_version', 'row_version'].map((c) => `${c} = EXCLUDED.${c}`).join(', ')}
		 WHERE (${changed.map((c) => `${table.name}.${c}`).join(', ')}, ${table.name}.doc_name)
		   IS DISTINCT FROM (${changed.map((c) => `EXCLUDED.${c}`).join(', ')}, EXCLUDED.doc_name)`,
		[JSON.stringify(rows)]
	);
}

type DocVersion = { tenantId: string; docName: string; docVersion: number; keep: string[] };

/** Every row of a document carries the version it was last projected at. */
async function stampVersions(db: Db, table: ProjectionTable, docs: DocVersion[]) {
	await db.query(
		`UPDATE ${table.name} t SET doc_version = d."docVersion"
		 FROM jsonb_to_recordset($1::jsonb) AS d(${SOURCE})
		 WHERE t.tenant_id = d."tenantId" AND t.doc_name = d."docName" AND t.doc_version <> d."docVersion"`,
		[JSON.stringify(docs)]
	);
}

async function markVanished(db: Db, table: ProjectionTable, docs: DocVersion[]) {
	await db.query(
		`UPDATE ${table.name} t SET deleted_at = now(), row_version = nextval('row_versions')
		 FROM jsonb_to_recordset($1::jsonb) AS d(${SOURCE}, keep text[])
		 WHERE t.tenant_id = d."tenantId" AND t.doc_name = d."docName" AND t.deleted_at IS NULL AND NOT (t.id = ANY(d.keep))`,
		[JSON.stringify(docs)]
	);
}

async function recordProblems(db: Db, docs: DocProjection[], fresh: boolean) {
	if (!fresh) await clearSolvedProblems(db, docs);
	const problems = docs.flatMap((d) => d.problems.map((p) => ({ ...p, tenantId: d.tenantId, docName: d.name, docVersion: d.version })));
	if (problems.length === 0) return;
	await insertProblems(db, problems);
}

/** A document's problems that its latest version no longer has are gone. */
async function clearSolvedProblems(db: Db, docs: DocProjection[]) {
	const current = docs.map((d) => ({ tenantId: d.tenantId, docName: d.name, keys: d.problems.map((p) => `${p.collection}/${p.recordId}`) }));
	await db.query(
		`DELETE FROM materializer_errors e USING jsonb_to_recordset($1::jsonb) AS d("tenantId" uuid, "docName" text, keys text[])
		 WHERE e.tenant_id = d."tenantId" AND e.doc_name = d."docName" AND NOT ((e.collection || '/' || e.record_id) = ANY(d.keys))`,
		[JSON.stringify(current)]
	);
}

async function insertProblems(db: Db, problems: (Problem & { tenantId: string; docName: string; docVersion: number })[]) {
	await db.query(
		`INSERT INTO materializer_errors (tenant_id, doc_name, collection, record_id, reason, doc_version)
		 SELECT p."tenantId", p."docName", p.collection, p."recordId", p.reason, p."docVersion"
		 FROM jsonb_to_recordset($1::jsonb) AS p(${SOURCE}, collection text, "recordId" text, reason text)
		 ON CONFLICT (tenant_id, doc_name, collection, record_id) DO UPDATE
		 SET reason = EXCLUDED.reason, doc_version = EXCLUDED.doc_version, last_seen_at = now()`,
		[JSON.stringify(problems)]
	);
}
