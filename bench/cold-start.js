// Cold start of a 2,000-customer tenant in Chromium: from navigation to a rendered customer
// list read from IndexedDB (the row index), online and with the network cut.
import { percentiles, waitFor, writeResult } from './support/clients.js';
import { signedInBrowser } from './support/browser.js';
import { signUp, startStackdesk } from './support/servers.js';
import { customerDoc, feedCount, seedDocuments } from './support/tenant-seed.js';

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 2000);
const RUNS = 7;
const TARGET_MS = 500;

/**
 * Navigation start → the list rendered (its first page of rows, and the count of all
 * customers, which needs every row read from IndexedDB), as the page's own clock tells it.
 */
async function timeRender(page, navigate) {
	await navigate();
	await page.waitForFunction(
		(n) => document.querySelector('.count')?.textContent?.includes(`${n} customers`) && document.querySelectorAll('table tbody tr').length >= Math.min(n, 100),
		CUSTOMERS,
		{ timeout: 30_000, polling: 'raf' }
	);
	return page.evaluate(() => performance.now());
}

const server = await startStackdesk();
try {
	const account = await signUp(server);
	const seeded = performance.now();
	await seedDocuments(server, account, CUSTOMERS, (n) => customerDoc(n));
	await waitFor(async () => (await feedCount(server, account, 'customers')) >= CUSTOMERS, { what: 'projected customers', timeoutMs: 120_000, everyMs: 500 });
	const seedSeconds = (performance.now() - seeded) / 1000;

	const { context, page, close } = await signedInBrowser(server, account);
	// the first visit fills IndexedDB from the rows feed and installs the service worker
	const firstVisitMs = await timeRender(page, () => page.goto(`${server.base}/customers`));
	await page.evaluate(() => navigator.serviceWorker.ready);

	const online = [];
	for (let i = 0; i < RUNS; i++) online.push(await timeRender(page, () => page.reload()));
	await context.setOffline(true);
	const offline = [];
	for (let i = 0; i < RUNS; i++) offline.push(await timeRender(page, () => page.reload()));
	await close();

	const figures = { customers: CUSTOMERS, seedSeconds: +seedSeconds.toFixed(1), firstVisitMs: +firstVisitMs.toFixed(0), onlineReloadMs: percentiles(online), offlineReloadMs: percentiles(offline) };
	const pass = { online: figures.onlineReloadMs.p50 <= TARGET_MS, offline: figures.offlineReloadMs.p50 <= TARGET_MS };
	console.log(`cold start, ${CUSTOMERS} customers from IndexedDB to a rendered list (Chromium):`);
	console.log(`  first visit (feed → IndexedDB → list): ${figures.firstVisitMs} ms`);
	console.log(`  reload online:  p50 ${figures.onlineReloadMs.p50} ms (max ${figures.onlineReloadMs.max}) — ${pass.online ? 'PASS' : 'FAIL'} (≤ ${TARGET_MS} ms)`);
	console.log(`  reload offline: p50 ${figures.offlineReloadMs.p50} ms (max ${figures.offlineReloadMs.max}) — ${pass.offline ? 'PASS' : 'FAIL'} (≤ ${TARGET_MS} ms)`);
	writeResult('cold-start', { figures, targets: { p50Ms: TARGET_MS }, pass });
} finally {
	await server.stop();
}
