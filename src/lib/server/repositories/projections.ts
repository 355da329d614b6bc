import type { Problem } from '#lib/domain/documents/project.js';
import type { Db } from '../db/index.js';
import { PROJECTION_TABLES, type ProjectionTable, type ProjectionTableName } from './projection-tables.js';

export type ProjectedRows = Partial<Record<ProjectionTableName, object[]>>;

/**
 * Writes one document's projection: changed rows are upserted with the next
 * row_version; unchanged rows keep theirs (idempotent, so re-running changes
 * nothing); rows the document no longer yields are marked deleted, except
 * quarantined ones, which keep their last good version.
 */
export async function writeProjection(
	db: Db,
	doc: { tenantId: string; name: string; version: number },
	tables: ProjectedRows,
	problems: Problem[]
): Promise<void> {
	await db.transaction(async (tx) => {
		// one writer per tenant at a time, so row_versions commit in order and the feed skips nothing
		await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [doc.tenantId]);
		for (const [key, rows] of Object.entries(tables) as [ProjectionTableName, object[]][]) {
			const table = PROJECTION_TABLES[key];
			const quarantined = problems.filter((p) => tableOf(p.collection) === key).map((p) => p.recordId);
			await upsertRows(tx, table, doc, rows);
			await markVanished(tx, table, doc, [...rows.map((r) => (r as { id: string }).id), ...quarantined]);
		}
		await recordProblems(tx, doc, problems);
	});
}

// a collection's rows go to the table of the same name; the entity (e.g. 'customer') to its plural
function tableOf(collection: string): string {
	return collection.endsWith('s') ? collection : `${collection}s`;
}

async function upsertRows(db: Db, table: ProjectionTable, doc: { tenantId: string; name: string; version: number }, rows: object[]) {
	const fields = Object.entries(table.columns);
	const columns = fields.map(([, [column]]) => column);
	const record = fields.map(([field, [, type]]) => `"${field}" ${type}`).join(', ');
	const selected = fields.map(([field]) => `r."${field}"`).join(', ');
	const changed = columns.filter((c) => c !== 'id');
	await db.query(
		`INSERT INTO ${table.name} (tenant_id, ${columns.join(', ')}, doc_name, doc_version, row_version)
		 SELECT $1, ${selected}, $2, $3, nextval('row_versions') FROM jsonb_to_recordset($4::jsonb) AS r(${record})
		 ON CONFLICT (tenant_id, id) DO UPDATE SET
		   ${[...changed, 'doc_name', 'doc_version', 'row_version'].map((c) => `${c} = EXCLUDED.${c}`).join(', ')}
		 WHERE (${changed.map((c) => `${table.name}.${c}`).join(', ')}, ${table.name}.doc_name)
		   IS DISTINCT FROM (${changed.map((c) => `EXCLUDED.${c}`).join(', ')}, EXCLUDED.doc_name)`,
		[doc.tenantId, doc.name, doc.version, JSON.stringify(rows)]
	);
	// every row of the document carries the version it was last projected at
	await db.query(
		`UPDATE ${table.name} SET doc_version = $3 WHERE tenant_id = $1 AND doc_name = $2 AND doc_version <> $3`,
		[doc.tenantId, doc.name, doc.version]
	);
}

async function markVanished(db: Db, table: ProjectionTable, doc: { tenantId: string; name: string }, keep: string[]) {
	await db.query(
		`UPDATE ${table.name} SET deleted_at = now(), row_version = nextval('row_versions')
		 WHERE tenant_id = $1 AND doc_name = $2 AND deleted_at IS NULL AND NOT (id = ANY($3::text[]))`,
		[doc.tenantId, doc.name, keep]
	);
}

async function recordProblems(db: Db, doc: { tenantId: string; name: string; version: number }, problems: Problem[]) {
	await db.query(
		`DELETE FROM materializer_errors WHERE tenant_id = $1 AND doc_name = $2
		 AND NOT ((collection || '/' || record_id) = ANY($3::text[]))`,
		[doc.tenantId, doc.name, problems.map((p) => `${p.collection}/${p.recordId}`)]
	);
	if (problems.length === 0) return;
	await db.query(
		`INSERT INTO materializer_errors (tenant_id, doc_name, collection, record_id, reason, doc_version)
		 SELECT $1, $2, p.collection, p."recordId", p.reason, $3
		 FROM jsonb_to_recordset($4::jsonb) AS p(collection text, "recordId" text, reason text)
		 ON CONFLICT (tenant_id, doc_name, collection, record_id) DO UPDATE
		 SET reason = EXCLUDED.reason, doc_version = EXCLUDED.doc_version, last_seen_at = now()`,
		[doc.tenantId, doc.name, doc.version, JSON.stringify(problems)]
	);
}

export interface MaterializerError {
	docName: string;
	collection: string;
	recordId: string;
	reason: string;
	docVersion: number;
	firstSeenAt: Date;
	lastSeenAt: Date;
}

export function listMaterializerErrors(db: Db, tenantId: string): Promise<MaterializerError[]> {
	return db.query(
		`SELECT doc_name AS "docName", collection, record_id AS "recordId", reason, doc_version AS "docVersion",
		        first_seen_at AS "firstSeenAt", last_seen_at AS "lastSeenAt"
		 FROM materializer_errors WHERE tenant_id = $1 ORDER BY last_seen_at DESC LIMIT 500`,
		[tenantId]
	);
}

/** A projected row with where it came from. */
export interface SourcedRow {
	tenantId: string;
	docName: string;
	docVersion: number;
	row: Record<string, unknown>;
}

// COPY's CSV: NULL is an empty unquoted field, so every value is quoted
const csvField = (value: unknown) => (value === undefined || value === null ? '' : `"${String(value).replaceAll('"', '""')}"`);

/** The columns a rebuild copies into a projection table (row_version takes its default). */
function copyColumns(key: ProjectionTableName): string[] {
	return ['tenant_id', ...Object.values(PROJECTION_TABLES[key].columns).map(([c]) => c), 'doc_name', 'doc_version'];
}

/** Rows of many documents as the CSV `copyProjectionRows` loads (pure: runs on worker threads). */
export function projectionCsv(key: ProjectionTableName, rows: SourcedRow[]): string {
	const fields = Object.keys(PROJECTION_TABLES[key].columns);
	let csv = '';
	for (const { tenantId, docName, docVersion, row } of rows) {
		csv += `${tenantId},${fields.map((f) => csvField(row[f])).join(',')},${csvField(docName)},${docVersion}\n`;
	}
	return csv;
}

/**
 * Bulk-loads rows of many documents (CSV from `projectionCsv`). Only for tables
 * known to hold none of these rows (rematerialize after a truncate): no change
 * detection, no vanished rows.
 */
export async function copyProjectionRows(db: Db, key: ProjectionTableName, csv: string): Promise<void> {
	if (csv) await db.copyCsv(PROJECTION_TABLES[key].name, copyColumns(key), csv);
}

/** A deleted tenant's projected rows (the projections keep no foreign key to tenants: migration 004). */
export async function deleteTenantProjections(db: Db, tenantId: string): Promise<void> {
	for (const table of Object.values(PROJECTION_TABLES)) await db.query(`DELETE FROM ${table.name} WHERE tenant_id = $1`, [tenantId]);
}

/** Problems of many documents (a JSON array of problems with their `tenantId`, `docName`, `docVersion`). */
export async function insertProblemsJson(db: Db, json: string) {
	if (json === '[]') return;
	await db.query(
		`INSERT INTO materializer_errors (tenant_id, doc_name, collection, record_id, reason, doc_version)
		 SELECT p."tenantId", p."docName", p.collection, p."recordId", p.reason, p."docVersion"
		 FROM jsonb_to_recordset($1::jsonb) AS p("tenantId" uuid, "docName" text, collection text, "recordId" text, reason text, "docVersion" bigint)`,
		[json]
	);
}
