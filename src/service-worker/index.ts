import { version } from '$app/env';
import { assets, immutable } from '$app/manifest';
import { self } from '$app/service-worker';
import { ASSETS_CACHE_PREFIX, PAGES_CACHE, routeKey, WARM_MESSAGE, type WarmMessage } from '#lib/sync/offline-shell.js';

/**
 * The offline shell (DESIGN.md §3): a reload with no network still opens the
 * app, which then reads everything from IndexedDB.
 * - the build and `static/` are cached at install, served cache-first;
 * - pages are network-first, and their HTML is kept, so a page opens offline
 *   once it was visited (or warmed: see SHELL_PAGES);
 * - nothing else: the API, the rows feed and the websocket always go to the
 *   network, so nothing the server says is ever stale from here.
 */

const ASSETS_CACHE = `${ASSETS_CACHE_PREFIX}${version}`;
const toPath = (path: string) => new URL(path, self.location.origin).pathname;
const PRECACHED = new Set([...immutable, ...assets].map(({ path }) => toPath(path)));
// pages that are not the app: nothing to open offline, and they must never come from a cache
const NOT_CACHED = /^\/(login|signup|invite|logout)(\/|$)/;
// a network that answers this slowly loses to the saved page ("lie-fi" on a site visit)
const NETWORK_TIMEOUT_MS = 4000;

self.addEventListener('install', (event) => {
	event.waitUntil(
		(async () => {
			const cache = await caches.open(ASSETS_CACHE);
			await cache.addAll([...PRECACHED]);
			await self.skipWaiting();
		})()
	);
});

self.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) {
				// saved pages point at the previous build's files: they are saved again as they are visited
				if ((key.startsWith(ASSETS_CACHE_PREFIX) && key !== ASSETS_CACHE) || key === PAGES_CACHE) await caches.delete(key);
			}
			await self.clients.claim();
		})()
	);
});

self.addEventListener('fetch', (event) => {
	const { request } = event;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
	if (request.mode === 'navigate') {
		if (!NOT_CACHED.test(url.pathname)) event.respondWith(page(request, url));
	} else if (PRECACHED.has(url.pathname)) {
		event.respondWith(asset(request));
	}
});

self.addEventListener('message', (event) => {
	const message = event.data as WarmMessage | undefined;
	if (message?.type === WARM_MESSAGE) event.waitUntil(warm(message.urls));
});

async function asset(request: Request): Promise<Response> {
	const cache = await caches.open(ASSETS_CACHE);
	return (await cache.match(request)) ?? fetch(request);
}

function isAppPage(response: Response): boolean {
	return (
		response.status === 200 &&
		response.type === 'basic' &&
		!response.redirected &&
		(response.headers.get('content-type') ?? '').includes('text/html')
	);
}

async function save(pathname: string, response: Response): Promise<void> {
	if (!isAppPage(response)) return;
	const cache = await caches.open(PAGES_CACHE);
	const key = routeKey(pathname);
	await cache.put(pathname, response.clone());
	if (key !== pathname) await cache.put(key, response.clone());
}

/** The saved page for an address, or one of the same route (a customer created offline opens from another's). */
async function saved(pathname: string): Promise<Response | undefined> {
	const cache = await caches.open(PAGES_CACHE);
	return (await cache.match(pathname)) ?? (await cache.match(routeKey(pathname)));
}

async function page(request: Request, url: URL): Promise<Response> {
	const network = fetch(request).then(async (response) => {
		await save(url.pathname, response);
		return response;
	});
	const fallback = await saved(url.pathname);
	if (!fallback) return network.catch(() => offline());
	const slow = new Promise<Response>((resolve) => setTimeout(() => resolve(fallback), NETWORK_TIMEOUT_MS));
	return Promise.race([network, slow]).catch(() => fallback);
}

async function warm(urls: string[]): Promise<void> {
	for (const url of urls) {
		try {
			const response = await fetch(url, { credentials: 'same-origin', redirect: 'manual' });
			await save(toPath(url), response);
		} catch {
			// offline now: the pages are saved on a later start
		}
	}
}

function offline(): Response {
	const html = `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Offline · Stackdesk</title><body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#172033">
<h1>You are offline</h1><p>This page has not been opened on this device yet, so it cannot be shown without a connection.</p>
<p><a href="/customers">Open customers</a> · <a href="/">Dashboard</a></p></body></html>`;
	return new Response(html, { status: 503, headers: { 'content-type': 'text/html; charset=utf-8' } });
}
