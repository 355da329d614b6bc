import type { IncomingMessage } from 'node:http';
import type { Config } from '#lib/server/config.js';

// private header names: whatever a client sends under them is dropped before use
const PROTO = 'x-stackdesk-proto';
const HOST = 'x-stackdesk-host';

/**
 * adapter-node assumes https unless told otherwise, which would break cookies
 * and SvelteKit's CSRF origin check on plain http. Point it at headers this
 * process sets itself; must run before the handler module loads (it reads env once).
 * Also lets bodies be as large as an upload may be.
 */
export function useOriginHeaders(): void {
	process.env.PROTOCOL_HEADER = PROTO;
	process.env.HOST_HEADER = HOST;
	// uploads stream up to 25 MB (files/storage.ts counts and refuses beyond); JSON routes keep their own small limit
	process.env.BODY_SIZE_LIMIT ??= String(26 * 1024 * 1024);
}

/** The public origin of a request: ORIGIN when set, else plain http on the Host it came to. */
export function stampOrigin(req: IncomingMessage, config: Pick<Config, 'origin' | 'originFixed'>): void {
	delete req.headers[PROTO];
	delete req.headers[HOST];
	if (config.originFixed) {
		const origin = new URL(config.origin);
		req.headers[PROTO] = origin.protocol.slice(0, -1);
		req.headers[HOST] = origin.host;
	} else {
		req.headers[PROTO] = 'http';
	}
}
