import { mkdirSync } from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Db, Row } from './types.js';

// same as the `pg` adapter: int8 as a JS number, so repositories see one type everywhere
const parsers = { 20: (value: string) => Number(value) };

// PGlite reads COPY input from a blob it is handed as /dev/blob
async function copyCsv(on: Pick<PGlite, 'query'>, table: string, columns: string[], csv: string) {
	await on.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob' WITH (FORMAT csv)`, [], { blob: new Blob([csv]) });
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
		copyCsv: (table, columns, csv) => copyCsv(tx, table, columns, csv),
		// PGlite has one connection: nested calls join the outer transaction
		transaction: (fn) => fn(transactionDb(tx)),
		close: async () => {}
	};
}

/** Embedded Postgres (WASM) in `dir`, or in memory when `dir` is undefined. */
export async function openPglite(dir?: string): Promise<Db> {
	if (dir) mkdirSync(dir, { recursive: true });
	const pg = await PGlite.create(dir, { parsers });
	return {
		kind: 'pglite',
		pooled: false,
		async query<T extends object>(sql: string, params: unknown[] = []) {
			return (await pg.query<T>(sql, params)).rows;
		},
		async exec(sql: string) {
			await pg.exec(sql);
		},
		copyCsv: (table, columns, csv) => copyCsv(pg, table, columns, csv),
		transaction: (fn) => pg.transaction((tx) => fn(transactionDb(tx))),
		close: () => pg.close()
	};
}
