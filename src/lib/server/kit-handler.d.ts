// the adapter-node request handler, aliased in vite.config.ts (see processEntry there)
declare module 'stackdesk:kit-handler' {
	import type { IncomingMessage, ServerResponse } from 'node:http';
	export const handler: (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
}
