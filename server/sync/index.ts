import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { Hocuspocus, type Extension, type WebSocketLike } from '@hocuspocus/server';
import { Redis } from '@hocuspocus/extension-redis';
import crossws from 'crossws/adapters/node';
import type { Db } from '#lib/server/db/index.js';
import { authentication } from './authentication.js';
import { connectionLimits } from './connection-limits.js';
import { durableLog } from './durable-log.js';
import { persistence } from './persistence.js';

/** Defaults in one object; later issues tune them with measurements. */
export const SYNC_DEFAULTS = {
	path: '/collab',
	/** ws closes a connection whose single message is larger (bytes) */
	maxMessageBytes: 2 * 1024 * 1024,
	/** a single document update larger than this closes its connection */
	maxUpdateBytes: 1024 * 1024,
	maxDocumentsPerConnection: 200,
	messagesPerSecond: 500,
	burstMessages: 20_000,
	/** how soon after an edit the document is folded (stored) */
	debounceMs: 2000,
	maxDebounceMs: 10000
};

export interface SyncOptions {
	redisUrl?: string;
	/** called after each update reached the durable log */
	onLogged?: (tenantId: string, docName: string) => void;
}

/** With REDIS_URL, documents open on several nodes exchange updates through Redis. */
function redisExtension(url: string): Extension {
	const { hostname, port } = new URL(url);
	return new Redis({ host: hostname || '127.0.0.1', port: Number(port || 6379) });
}

type Peer = { _hocuspocus?: ReturnType<Hocuspocus['handleConnection']> };

/** Hocuspocus on our own http server: crossws does the upgrade, Hocuspocus the protocol. */
export function createSyncServer(db: Db, options: SyncOptions = {}) {
	const hocuspocus = new Hocuspocus({
		name: 'stackdesk',
		quiet: true,
		debounce: SYNC_DEFAULTS.debounceMs,
		maxDebounce: SYNC_DEFAULTS.maxDebounceMs,
		// a socket may open as many documents at once as it may hold
		maxPendingDocuments: SYNC_DEFAULTS.maxDocumentsPerConnection,
		extensions: [
			connectionLimits(SYNC_DEFAULTS),
			authentication(db),
			durableLog(db, { maxUpdateBytes: SYNC_DEFAULTS.maxUpdateBytes, maxBatch: 500, onLogged: options.onLogged }),
			persistence(db),
			...(options.redisUrl ? [redisExtension(options.redisUrl)] : [])
		]
	});
	const ws = crossws({
		serverOptions: { maxPayload: SYNC_DEFAULTS.maxMessageBytes },
		hooks: {
			open(peer) {
				(peer as unknown as Peer)._hocuspocus = hocuspocus.handleConnection(
					peer.websocket as unknown as WebSocketLike,
					peer.request as Request
				);
			},
			message(peer, message) {
				(peer as unknown as Peer)._hocuspocus?.handleMessage(message.uint8Array());
			},
			close(peer, event) {
				(peer as unknown as Peer)._hocuspocus?.handleClose({ code: event.code ?? 1000, reason: event.reason ?? '' });
			},
			error(peer, error) {
				console.error(`websocket error on ${peer.id}:`, error.message);
			}
		}
	});

	return {
		hocuspocus,
		handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
			return ws.handleUpgrade(req, socket, head);
		},
		/** Closes every connection and stores every loaded document before resolving. */
		async close() {
			const unloaded = new Promise<void>((resolve) => {
				if (hocuspocus.getDocumentsCount() === 0) return resolve();
				hocuspocus.configuration.extensions.push({
					async afterUnloadDocument({ instance }) {
						if (instance.getDocumentsCount() === 0) resolve();
					}
				});
			});
			hocuspocus.closeConnections();
			hocuspocus.flushPendingStores();
			await Promise.race([unloaded, new Promise((r) => setTimeout(r, 10_000))]);
			ws.closeAll(1001, 'server shutting down', true);
			await hocuspocus.hooks('onDestroy', { instance: hocuspocus });
		}
	};
}
