import type { Db } from '../db/index.js';
import { PROJECTION_TABLE_NAMES, PROJECTION_TABLES } from './projection-tables.js';

/**
 * Every projection table as text, ordered by key: two dumps are equal exactly
 * when the tables hold the same rows. row_version is left out: it is the feed's
 * cursor, numbered in the order rows were written, not part of the content.
 */
export async function dumpProjections(db: Db): Promise<string> {
	const parts: string[] = [];
	for (const key of [...PROJECTION_TABLE_NAMES].sort()) {
		const table = PROJECTION_TABLES[key];
		const columns = ['tenant_id', ...Object.values(table.columns).map(([c]) => c), 'doc_name', 'doc_version'];
		const rows = await db.query<{ line: string }>(
			`SELECT row(${columns.join(', ')})::text AS line FROM ${table.name} ORDER BY tenant_id, id`
		);
		parts.push(`-- ${table.name} (${rows.length})`, ...rows.map((r) => r.line));
	}
	const errors = await db.query<{ line: string }>(
		`SELECT row(tenant_id, doc_name, collection, record_id, reason, doc_version)::text AS line
		 FROM materializer_errors ORDER BY tenant_id, doc_name, collection, record_id`
	);
	parts.push(`-- materializer_errors (${errors.length})`, ...errors.map((r) => r.line));
	return parts.join('\n');
}

/** Empties the projections and the quarantine, for a rebuild from the documents. */
export async function truncateProjections(db: Db): Promise<void> {
	await db.exec(`TRUNCATE ${PROJECTION_TABLE_NAMES.map((k) => PROJECTION_TABLES[k].name).join(', ')}, materializer_errors`);
}
