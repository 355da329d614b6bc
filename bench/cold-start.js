// Cold start of a 2,000-customer tenant in Chromium: from navigation to a rendered customer
// list read from IndexedDB (the row index), online and with the network cut.
import { chromium } from '@playwright/test';
import * as Y from 'yjs';
import { HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { acknowledged, connectHocuspocus, percentiles, waitFor, writeResult } from './support/clients.js';
import { signUp, startStackdesk } from './support/servers.js';

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 2000);
const RUNS = 7;
const TARGET_MS = 500;
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** Creates the customers through the websocket, 200 documents per socket (the server's limit). */
async function seed(server, account) {
	for (let start = 0; start < CUSTOMERS; start += 200) {
		const token = await account.token();
		const socket = new HocuspocusProviderWebsocket({ url: server.wsUrl });
		const clients = await Promise.all(
			Array.from({ length: Math.min(200, CUSTOMERS - start) }, (_, i) => {
				const id = `bench-${String(start + i).padStart(5, '0')}`;
				return connectHocuspocus({ url: server.wsUrl, name: `${account.tenantId}:customer:${id}`, token, socket, doc: customerDoc(id, start + i) });
			})
		);
		await waitFor(() => clients.every((c) => acknowledged(c.provider)), { what: 'seeded documents acknowledged', timeoutMs: 60_000 });
		for (const c of clients) c.provider.destroy();
		socket.destroy();
	}
}

function customerDoc(id, n) {
	const doc = new Y.Doc();
	doc.transact(() => {
		const customer = doc.getMap('customer');
		for (const [k, v] of Object.entries({ id, name: `Customer ${n} Ltd`, status: ['active', 'prospect', 'inactive'][n % 3], phone: `+1 555 ${String(n).padStart(4, '0')}`, createdAt: new Date(Date.UTC(2026, 0, 1 + (n % 300))).toISOString() })) customer.set(k, v);
		const site = new Y.Map();
		doc.getMap('sites').set(`${id}-s1`, site);
		site.set('id', `${id}-s1`);
		site.set('name', 'Head office');
	});
	return doc;
}

async function feedCount(server, account) {
	let since = '0';
	let count = 0;
	for (;;) {
		const res = await fetch(`${server.base}/api/v1/sync/rows?since=${since}&limit=5000`, { headers: { cookie: account.cookie } });
		const body = await res.json();
		count += body.tables.customers.length;
		since = body.cursor;
		if (!body.more) return count;
	}
}

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
	await seed(server, account);
	await waitFor(async () => (await feedCount(server, account)) >= CUSTOMERS, { what: 'projected customers', timeoutMs: 120_000, everyMs: 500 });
	const seedSeconds = (performance.now() - seeded) / 1000;

	const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
	const context = await browser.newContext();
	await context.addCookies([{ name: 'stackdesk_session', value: account.cookie.split('=')[1], url: server.base }]);
	const page = await context.newPage();
	// the first visit fills IndexedDB from the rows feed and installs the service worker
	const firstVisitMs = await timeRender(page, () => page.goto(`${server.base}/customers`));
	await page.evaluate(() => navigator.serviceWorker.ready);

	const online = [];
	for (let i = 0; i < RUNS; i++) online.push(await timeRender(page, () => page.reload()));
	await context.setOffline(true);
	const offline = [];
	for (let i = 0; i < RUNS; i++) offline.push(await timeRender(page, () => page.reload()));
	await browser.close();

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
