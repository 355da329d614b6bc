/**
 * What the service worker and the app agree on about the offline shell:
 * cache names, the message that asks the worker to save pages ahead of need,
 * and how a page's address maps to a cached page of the same route.
 */

/** HTML of pages the person visited; it embeds who is signed in, so logout deletes it. */
export const PAGES_CACHE = 'stackdesk-pages';
export const ASSETS_CACHE_PREFIX = 'stackdesk-assets-';

export const WARM_MESSAGE = 'stackdesk:warm';
export interface WarmMessage {
	type: typeof WARM_MESSAGE;
	urls: string[];
}

const UUID = /\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?=\/|$)/gi;

/**
 * `/customers/0196…` → `/customers/:id`. SvelteKit's client works out the
 * route and params from the address, so any saved page of the same route
 * starts a page the person never opened online (a customer made offline).
 */
export function routeKey(pathname: string): string {
	return pathname.replace(UUID, '/:id');
}

/**
 * Pages whose data comes from the server (their `+page.server.ts`), not from
 * IndexedDB. Offline, the app opens them as a whole page, which the service
 * worker answers with its saved copy or an offline notice, instead of
 * failing in place. Every other page of the app is local-first.
 */
export function needsServer(pathname: string): boolean {
	return pathname === '/' || /^\/settings(\/|$)/.test(pathname);
}

/** Pages saved when the app starts, so they open offline before they were ever visited. */
export const SHELL_PAGES = [
	'/',
	'/customers',
	'/customers/00000000-0000-7000-8000-000000000000',
	'/service-desk',
	'/service-desk/new',
	'/service-desk/tickets/00000000-0000-7000-8000-000000000000',
	'/service-desk/schedule'
];
