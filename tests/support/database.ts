import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/** A database of its own for one test file: a fresh Postgres database, or a fresh PGlite directory. */
export interface TestDatabase {
	env: Record<string, string>;
	drop(): Promise<void>;
}

export function testBackend(): 'pglite' | 'postgres' {
	return process.env.TEST_BACKEND === 'postgres' ? 'postgres' : 'pglite';
}

export async function createTestDatabase(): Promise<TestDatabase> {
	const dataDir = await mkdtemp(path.join(os.tmpdir(), 'stackdesk-test-'));
	const removeDir = () => rm(dataDir, { recursive: true, force: true });
	if (testBackend() === 'pglite') {
		return { env: { DATA_DIR: dataDir }, drop: removeDir };
	}
	const adminUrl = process.env.TEST_DATABASE_URL;
	if (!adminUrl) throw new Error('TEST_BACKEND=postgres needs TEST_DATABASE_URL');
	const name = `stackdesk_test_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
	await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	return {
		env: { DATA_DIR: dataDir, DATABASE_URL: url.toString() },
		async drop() {
			await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
			await removeDir();
		}
	};
}

async function adminQuery(url: string, sql: string) {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		await client.query(sql);
	} finally {
		await client.end();
	}
}
