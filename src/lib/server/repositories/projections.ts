import type { Db } from '../db/index.js';
import { csvField } from './copy-csv.js';
import { PROJECTION_TABLES, type ProjectionTableName } from './projection-tables.js';

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

/** The columns a rebuild copies into a projection table (row_version takes its default). */
function copyColumns(key: ProjectionTableName): string[] {
	return ['tenant_id', ...Object.values(PROJECTION_TABLES[key].columns).map(([c]) => c), 'doc_name', 'doc_version'];
}

/** Rows of many documents as the CSV `copyProjectionRows` loads (pure: runs on worker threads). */
export function projectionCsv(key: ProjectionTableName, rows: SourcedRow[]): string {
	const fields = Object.entries(PROJECTION_TABLES[key].columns).map(([field, [, type]]) => [field, type] as const);
	let csv = '';
	for (const { tenantId, docName, docVersion, row } of rows) {
		csv += `${tenantId},${fields.map(([f, type]) => csvField(row[f], type)).join(',')},${csvField(docName)},${docVersion}\n`;
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
