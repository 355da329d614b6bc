import { config } from '#lib/server/config.js';
import { openDatabase, setDb, type Db } from '#lib/server/db/index.js';
import { migrate } from '#lib/server/db/migrate.js';
import { migrations } from './migrations/index.js';

/**
 * Opens the configured database and brings its schema up to date: the first step
 * of every command. `pgliteWorker`: see openDatabase.
 */
export async function openMigratedDatabase(pgliteWorker?: string): Promise<Db> {
	const database = await openDatabase(config(), pgliteWorker);
	const applied = await migrate(database, migrations);
	if (applied.length > 0) console.log(`applied migrations ${applied.join(', ')}`);
	setDb(database);
	return database;
}
