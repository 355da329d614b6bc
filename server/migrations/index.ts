import { parseMigrationFile, type Migration } from '#lib/server/db/migrate.js';

// bundled as strings, so the built server carries its migrations wherever it runs
const files = import.meta.glob<string>('./*.sql', { query: '?raw', import: 'default', eager: true });

export const migrations: Migration[] = Object.entries(files).map(([file, sql]) =>
	parseMigrationFile(file.replace('./', ''), sql)
);
