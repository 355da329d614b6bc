export type Row = Record<string, unknown>;

/** COPY's CSV whole, or in chunks made as they are sent. */
export type CsvText = string | Iterable<string>;

export const wholeCsv = (csv: CsvText): string => (typeof csv === 'string' ? csv : [...csv].join(''));

/** The one interface the repositories use, over `pg` (server) and PGlite (embedded). */
export interface Db {
	readonly kind: 'postgres' | 'pglite';
	/**
	 * Whether a query outside an open transaction runs on a connection of its own
	 * (a pool) rather than waiting for the transaction (PGlite's one connection).
	 */
	readonly pooled: boolean;
	/** One parameterised statement; rows as objects. */
	query<T extends object = Row>(sql: string, params?: unknown[]): Promise<T[]>;
	/** Several statements without parameters (migrations). */
	exec(sql: string): Promise<void>;
	/**
	 * Bulk-loads `csv` (RFC 4180; an empty unquoted field is NULL) into `columns` of
	 * `table` with COPY: several times faster than an INSERT for a rebuild. Given as
	 * chunks, the server parses each while the next is made.
	 */
	copyCsv(table: string, columns: string[], csv: CsvText): Promise<void>;
	/** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
	transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
	close(): Promise<void>;
}

export async function one<T extends object>(db: Db, sql: string, params?: unknown[]): Promise<T | undefined> {
	const rows = await db.query<T>(sql, params);
	return rows[0];
}
