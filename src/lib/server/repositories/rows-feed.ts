import type { Db } from '../db/index.js';
import { PROJECTION_TABLE_NAMES, PROJECTION_TABLES, type ProjectionTableName } from './projection-tables.js';

export interface FeedPage {
	tables: Record<ProjectionTableName, Record<string, unknown>[]>;
	cursor: number;
	more: boolean;
}

/**
 * Projected rows of one tenant changed after `since`, oldest first, at most
 * `limit` across all tables. row_versions of a tenant commit in order (the
 * materializer holds a per-tenant lock), so a client that resumes from `cursor`
 * misses nothing.
 */
export async function readFeed(db: Db, tenantId: string, since: number, limit: number): Promise<FeedPage> {
	const perTable = await Promise.all(
		PROJECTION_TABLE_NAMES.map(async (key) => {
			const table = PROJECTION_TABLES[key];
			const columns = Object.entries(table.columns).map(([field, [column]]) => `${column} AS "${field}"`);
			const rows = await db.query<Record<string, unknown> & { rowVersion: number }>(
				`SELECT ${columns.join(', ')}, doc_name AS "docName", row_version AS "rowVersion"
				 FROM ${table.name} WHERE tenant_id = $1 AND row_version > $2 ORDER BY row_version LIMIT $3`,
				[tenantId, since, limit + 1]
			);
			return rows.map((row) => ({ key, row }));
		})
	);
	const merged = perTable.flat().sort((a, b) => a.row.rowVersion - b.row.rowVersion);
	const page = merged.slice(0, limit);
	const tables = Object.fromEntries(PROJECTION_TABLE_NAMES.map((k) => [k, [] as Record<string, unknown>[]])) as FeedPage['tables'];
	for (const { key, row } of page) {
		const { rowVersion: _, ...fields } = row;
		tables[key].push(fields);
	}
	return { tables, cursor: page.at(-1)?.row.rowVersion ?? since, more: merged.length > limit };
}
