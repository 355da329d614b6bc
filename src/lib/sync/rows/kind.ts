import type { EntityTable } from 'dexie';
import type * as Y from 'yjs';
import type { DocKind } from '#lib/domain/documents/names.js';
import type { LocalDb } from '../db.js';

/** A row as the index stores it: every row names the document it came from, so a document's rows are replaced as a set. */
export type FeedRow = Record<string, unknown> & { id: string; docName: string };

/** Rows by table name (the feed's table keys are the index's table names). */
export type TableRows = Partial<Record<string, FeedRow[]>>;

/**
 * What the row index needs to know of one document kind: the tables its rows
 * live in, how a document projects into them, and what else a write keeps in
 * step. One module per kind (customers, tickets), so the index itself stays small.
 */
export interface RowKind {
	readonly kind: DocKind;
	/** the index's tables of this kind; the feed sends rows under the same names */
	readonly tables: readonly string[];
	/** tables a write also touches (kept in step in the same transaction) */
	readonly derived: readonly string[];
	/** a feed or projected row as the index stores it (e.g. with a search key) */
	store(table: string, row: Record<string, unknown>): Record<string, unknown>;
	/** a local document's rows; null while the document is empty (projecting it would wipe the feed's rows) */
	project(docName: string, doc: Y.Doc): Record<string, object[]> | null;
	/** runs in the write's transaction, with the rows just written */
	afterWrite?(db: LocalDb, written: TableRows): Promise<void>;
}

export function tableOf(db: LocalDb, name: string): EntityTable<FeedRow, 'id'> {
	return db.table(name) as unknown as EntityTable<FeedRow, 'id'>;
}

/** Puts a document's rows into a table and deletes the ones it no longer has. */
export async function replaceRows(table: EntityTable<FeedRow, 'id'>, docName: string, rows: FeedRow[]): Promise<void> {
	const ids = new Set(rows.map((row) => row.id));
	const stale = (await table.where('docName').equals(docName).primaryKeys()).filter((id) => !ids.has(id));
	await table.bulkDelete(stale);
	await table.bulkPut(rows);
}
