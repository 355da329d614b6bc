import type { Db } from './types.js';

export interface Migration {
	version: number;
	name: string;
	sql: string;
}

/** `001_init.sql` → { version: 1, name: 'init' }; anything else is a mistake worth stopping for. */
export function parseMigrationFile(file: string, sql: string): Migration {
	const match = /^(\d{3,})_([a-z0-9_]+)\.sql$/.exec(file);
	if (!match) throw new Error(`migration file name must look like 001_name.sql: ${file}`);
	return { version: Number(match[1]), name: match[2], sql };
}

export function sortMigrations(list: Migration[]): Migration[] {
	const sorted = [...list].sort((a, b) => a.version - b.version);
	sorted.forEach((m, i) => {
		if (i > 0 && sorted[i - 1].version === m.version) {
			throw new Error(`two migrations share version ${m.version}`);
		}
	});
	return sorted;
}

// any constant works: it only has to be the same on every node
const MIGRATION_LOCK = 7_310_001;

/**
 * Applies every migration not yet recorded, each in its own transaction with its record,
 * under an advisory lock so that nodes starting together apply each one once.
 */
export async function migrate(db: Db, migrations: Migration[]): Promise<number[]> {
	const applied: number[] = [];
	await db.transaction(async (tx) => {
		await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
		await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
			version integer PRIMARY KEY,
			name text NOT NULL,
			applied_at timestamptz NOT NULL DEFAULT now()
		)`);
	});
	for (const migration of sortMigrations(migrations)) {
		const done = await db.transaction(async (tx) => {
			await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
			const seen = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [
				migration.version
			]);
			if (seen.length > 0) return false;
			await tx.exec(migration.sql);
			await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
				migration.version,
				migration.name
			]);
			return true;
		});
		if (done) applied.push(migration.version);
	}
	return applied;
}
