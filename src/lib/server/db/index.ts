import path from 'node:path';
import type { Config } from '../config.js';
import { openPglite } from './pglite.js';
import { openPgliteThread } from './pglite-remote.js';
import { openPostgres } from './postgres.js';
import type { Db } from './types.js';

export type { Db, Row } from './types.js';
export { one } from './types.js';

let current: Db | undefined;

/**
 * Opens the database the configuration names: Postgres with DATABASE_URL, else
 * PGlite in DATA_DIR/pg — on a worker thread when `pgliteWorker` names the entry
 * that hosts it (the server), on this thread otherwise (the CLI).
 */
export async function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>, pgliteWorker?: string): Promise<Db> {
	if (config.databaseUrl) return openPostgres(config.databaseUrl);
	const dir = path.join(config.dataDir, 'pg');
	return pgliteWorker ? openPgliteThread(pgliteWorker, dir) : openPglite(dir);
}

/** The process's database, set once by the process entry before it serves anything. */
export function db(): Db {
	if (!current) throw new Error('database not opened: start through server/index.ts');
	return current;
}

export function setDb(next: Db | undefined): void {
	current = next;
}
