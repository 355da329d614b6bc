import { defineConfig } from '@playwright/test';

/** The built app is started once by the global setup, on this port, with a database of its own. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 4317);

export default defineConfig({
	testDir: 'tests/e2e',
	outputDir: 'test-results/e2e',
	globalSetup: './tests/e2e/global-setup.ts',
	// lets a browser test import #lib/… and the test support that does (seeding from Node)
	tsconfig: './tests/e2e/tsconfig.playwright.json',
	timeout: 60_000,
	expect: { timeout: 10_000 },
	workers: 1,
	reporter: [['list'], ['json']],
	use: {
		baseURL: `http://127.0.0.1:${E2E_PORT}`,
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure',
		launchOptions: {
			executablePath: '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run',
				'--disable-quic'
			]
		}
	}
});
