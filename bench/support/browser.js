// Chromium for the browser benchmarks, signed in as a seeded account.
import { chromium } from '@playwright/test';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** Debian's Chromium with the account's session cookie; `close()` ends it. */
export async function signedInBrowser(server, account) {
	const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
	const context = await browser.newContext();
	await context.addCookies([{ name: 'stackdesk_session', value: account.cookie.split('=')[1], url: server.base }]);
	const page = await context.newPage();
	return { browser, context, page, close: () => browser.close() };
}
