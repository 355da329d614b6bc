import path from 'node:path';
import type { Config } from '../config.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';
import type { Db } from './types.js';

export type { Db, Row } from './types.js';
export { one } from './types.js';

let current: Db | undefined;

/** Opens the database the configuration names: Postgres with DATABASE_URL, else PGlite in DATA_DIR/pg. */
export async function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Db> {
	return config.databaseUrl
		? openPostgres(config.databaseUrl)
		: openPglite(path.join(config.dataDir, 'pg'));
}

/** The process's database, set once by the process entry before it serves anything. */
export function db(): Db {
	if (!current) throw new Error('database not opened: start through server/index.ts');
	return current;
}

export function setDb(next: Db | undefined): void {
	current = next;
}
