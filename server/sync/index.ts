import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { Hocuspocus, type WebSocketLike } from '@hocuspocus/server';
import crossws from 'crossws/adapters/node';
import type { Db } from '#lib/server/db/index.js';
import { authentication } from './authentication.js';
import { persistence } from './persistence.js';

/** Defaults in one object; later issues tune them with measurements. */
export const SYNC_DEFAULTS = {
	path: '/collab',
	/** ws closes a connection whose single message is larger (bytes) */
	maxMessageBytes: 2 * 1024 * 1024,
	debounceMs: 2000,
	maxDebounceMs: 10000
};

type Peer = { _hocuspocus?: ReturnType<Hocuspocus['handleConnection']> };

/** Hocuspocus on our own http server: crossws does the upgrade, Hocuspocus the protocol. */
export function createSyncServer(db: Db) {
	const hocuspocus = new Hocuspocus({
		name: 'stackdesk',
		quiet: true,
		debounce: SYNC_DEFAULTS.debounceMs,
		maxDebounce: SYNC_DEFAULTS.maxDebounceMs,
		extensions: [authentication(db), persistence(db)]
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
