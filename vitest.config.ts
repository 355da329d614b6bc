import { defineConfig } from 'vitest/config';

/**
 * unit: pure modules and server modules in-process (PGlite in memory where a database is needed).
 * integration-*: the built server started as a child process per test file, against PGlite and,
 * when TEST_DATABASE_URL is set, against the real PostgreSQL server too — the same suite twice.
 */
const integration = (backend: 'pglite' | 'postgres') => ({
	test: {
		name: `integration-${backend}`,
		include: ['tests/integration/**/*.test.ts'],
		env: { TEST_BACKEND: backend },
		testTimeout: 60_000,
		hookTimeout: 120_000,
		// each file runs its own server (PGlite takes ~1 GB): two at a time on two cores
		maxWorkers: 2
	}
});

export default defineConfig({
	test: {
		projects: [
			{
				test: {
					name: 'unit',
					include: ['src/**/*.spec.ts', 'server/**/*.spec.ts'],
					testTimeout: 30_000
				}
			},
			integration('pglite'),
			...(process.env.TEST_DATABASE_URL ? [integration('postgres')] : [])
		]
	}
});
