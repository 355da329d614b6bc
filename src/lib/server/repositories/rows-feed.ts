import type { Db } from '../db/index.js';
import { PROJECTION_TABLE_NAMES, PROJECTION_TABLES, type ProjectionTable, type ProjectionTableName } from './projection-tables.js';

export interface FeedPage {
	/** the tables browsers keep rows of (not the ticket timeline and thread: those are in the documents) */
	tables: Partial<Record<ProjectionTableName, Record<string, unknown>[]>>;
	cursor: number;
	more: boolean;
}

// instants leave as the same ISO strings the documents hold ("…T12:00:00.000Z")
function jsonValue(column: string, type: string): string {
	return type === 'timestamptz' ? `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')` : column;
}

const FEED_TABLES = PROJECTION_TABLE_NAMES.filter((key) => (PROJECTION_TABLES[key] as ProjectionTable).feed !== false);

/** One SELECT per table, as JSON rows, for the UNION below. */
function tableQuery(key: ProjectionTableName): string {
	const table = PROJECTION_TABLES[key];
	const fields = Object.entries(table.columns).map(([field, [column, type]]) => `'${field}', ${jsonValue(column, type)}`);
	return `(SELECT '${key}' AS "table", row_version AS "rowVersion",
		jsonb_build_object(${fields.join(', ')}, 'docName', doc_name) AS row
		FROM ${table.name} WHERE tenant_id = $1 AND row_version > $2 ORDER BY row_version LIMIT $3)`;
}

/**
 * Projected rows of one tenant changed after `since`, oldest first, at most
 * `limit` across all tables. One statement, so one snapshot of every table; and
 * row_versions of a tenant commit in order (the materializer holds a per-tenant
 * lock), so a client that resumes from `cursor` misses nothing.
 */
export async function readFeed(db: Db, tenantId: string, since: number, limit: number): Promise<FeedPage> {
	const rows = await db.query<{ table: ProjectionTableName; rowVersion: number; row: Record<string, unknown> }>(
		`${FEED_TABLES.map(tableQuery).join(' UNION ALL ')} ORDER BY "rowVersion" LIMIT $3`,
		[tenantId, since, limit + 1]
	);
	const page = rows.slice(0, limit);
	const tables = Object.fromEntries(FEED_TABLES.map((k) => [k, [] as Record<string, unknown>[]])) as FeedPage['tables'];
	for (const { table, row } of page) tables[table]!.push(row);
	return { tables, cursor: page.at(-1)?.rowVersion ?? since, more: rows.length > limit };
}
