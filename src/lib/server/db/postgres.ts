import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { CsvText, Db, Row } from './types.js';

// bigint (int8) columns come back as JS numbers: counters and versions stay far below 2^53
pg.types.setTypeParser(20, (value) => Number(value));

type Queryable = pg.Pool | pg.PoolClient;

const copySql = (table: string, columns: string[]) => `COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`;

async function copyOn(client: pg.PoolClient, table: string, columns: string[], csv: CsvText) {
	await pipeline(Readable.from(typeof csv === 'string' ? [csv] : csv), client.query(copyFrom(copySql(table, columns))));
}

function wrap(client: Queryable): Omit<Db, 'transaction' | 'close' | 'pooled' | 'copyCsv'> {
	return {
		kind: 'postgres',
		async query<T extends object>(sql: string, params: unknown[] = []) {
			const result = await client.query(sql, params);
			return result.rows as T[];
		},
		async exec(sql: string) {
			await client.query(sql);
		}
	};
}

function transactionDb(client: pg.PoolClient): Db {
	return {
		...wrap(client),
		pooled: false,
		copyCsv: (table, columns, csv) => copyOn(client, table, columns, csv),
		// nested calls join the outer transaction
		transaction: (fn) => fn(transactionDb(client)),
		close: async () => {}
	};
}

export function openPostgres(connectionString: string, max = 10): Db {
	const pool = new pg.Pool({ connectionString, max });
	// an idle client that loses its connection must not crash the process
	pool.on('error', (error) => console.error('postgres pool error:', error.message));
	return {
		...wrap(pool),
		pooled: true,
		async copyCsv(table, columns, csv) {
			const client = await pool.connect();
			try {
				await copyOn(client, table, columns, csv);
			} finally {
				client.release();
			}
		},
		async transaction(fn) {
			const client = await pool.connect();
			try {
				await client.query('BEGIN');
				const result = await fn(transactionDb(client));
				await client.query('COMMIT');
				return result;
			} catch (error) {
				await client.query('ROLLBACK').catch(() => {});
				throw error;
			} finally {
				client.release();
			}
		},
		close: () => pool.end()
	};
}
