import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, parseMigrationFile, sortMigrations, type Migration } from './migrate.js';
import { openPglite } from './pglite.js';
import type { Db } from './types.js';

describe('migration files', () => {
	it('are named NNN_name.sql', () => {
		expect(parseMigrationFile('001_foundation.sql', 'x')).toEqual({ version: 1, name: 'foundation', sql: 'x' });
		expect(() => parseMigrationFile('foundation.sql', 'x')).toThrow(/001_name\.sql/);
	});

	it('sort by version and refuse two with one version', () => {
		const list = [parseMigrationFile('002_b.sql', ''), parseMigrationFile('001_a.sql', '')];
		expect(sortMigrations(list).map((m) => m.name)).toEqual(['a', 'b']);
		expect(() => sortMigrations([...list, parseMigrationFile('002_c.sql', '')])).toThrow(/version 2/);
	});
});

describe('migration runner', () => {
	let db: Db;
	beforeAll(async () => {
		db = await openPglite();
	});
	afterAll(() => db.close());

	const first: Migration = { version: 1, name: 'one', sql: 'CREATE TABLE a (id int); INSERT INTO a VALUES (1);' };
	const second: Migration = { version: 2, name: 'two', sql: 'CREATE TABLE b (id int);' };

	it('applies pending migrations once, recorded in a table', async () => {
		expect(await migrate(db, [first])).toEqual([1]);
		expect(await migrate(db, [second, first])).toEqual([2]);
		expect(await migrate(db, [first, second])).toEqual([]);
		const rows = await db.query<{ version: number; name: string }>('SELECT version, name FROM schema_migrations ORDER BY version');
		expect(rows).toEqual([{ version: 1, name: 'one' }, { version: 2, name: 'two' }]);
		expect(await db.query('SELECT * FROM a')).toEqual([{ id: 1 }]);
	});

	it('rolls a failing migration back whole, recording nothing', async () => {
		const broken: Migration = { version: 3, name: 'broken', sql: 'CREATE TABLE c (id int); SELECT * FROM missing_table;' };
		await expect(migrate(db, [first, second, broken])).rejects.toThrow(/missing_table/);
		expect(await db.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'c'")).toEqual([]);
		expect(await db.query('SELECT 1 FROM schema_migrations WHERE version = 3')).toEqual([]);
	});
});
