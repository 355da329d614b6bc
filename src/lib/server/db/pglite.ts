import { mkdirSync } from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { wholeCsv, type CsvText, type Db, type Row } from './types.js';

// same as the `pg` adapter: int8 as a JS number, so repositories see one type everywhere
const parsers = { 20: (value: string) => Number(value) };

// PGlite reads COPY input from a blob it is handed as /dev/blob
export async function copyCsvInto(on: Pick<PGlite, 'query'>, table: string, columns: string[], csv: CsvText): Promise<void> {
	await on.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob' WITH (FORMAT csv)`, [], { blob: new Blob([wholeCsv(csv)]) });
}

function transactionDb(tx: Transaction): Db {
	return {
		kind: 'pglite',
		pooled: false,
		async query<T extends object>(sql: string, params: unknown[] = []) {
			return (await tx.query<T>(sql, params)).rows;
		},
		async exec(sql: string) {
			await tx.exec(sql);
		},
		copyCsv: (table, columns, csv) => copyCsvInto(tx, table, columns, csv),
		// PGlite has one connection: nested calls join the outer transaction
		transaction: (fn) => fn(transactionDb(tx)),
		close: async () => {}
	};
}

/** PGlite in `dir` (created if missing), or in memory when `dir` is undefined. */
export async function createPglite(dir?: string): Promise<PGlite> {
	if (dir) mkdirSync(dir, { recursive: true });
	return PGlite.create(dir, { parsers });
}

/** Embedded Postgres (WASM) on this thread, in `dir` or in memory. The server runs it on a thread of its own (pglite-remote.ts). */
export async function openPglite(dir?: string): Promise<Db> {
	const pg = await createPglite(dir);
	return {
		kind: 'pglite',
		pooled: false,
		async query<T extends object>(sql: string, params: unknown[] = []) {
			return (await pg.query<T>(sql, params)).rows;
		},
		async exec(sql: string) {
			await pg.exec(sql);
		},
		copyCsv: (table, columns, csv) => copyCsvInto(pg, table, columns, csv),
		transaction: (fn) => pg.transaction((tx) => fn(transactionDb(tx))),
		close: () => pg.close()
	};
}
