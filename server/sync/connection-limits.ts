import type { beforeHandleAwarenessPayload, beforeHandleMessagePayload, Extension, onConnectPayload, onDisconnectPayload } from '@hocuspocus/server';
import type { SyncContext } from './authentication.js';
import { closeWith, refuse } from './refuse.js';

export interface ConnectionLimits {
	maxDocumentsPerConnection: number;
	/** sustained messages per second per connection */
	messagesPerSecond: number;
	/**
	 * how many messages may arrive at once: a client back from hours offline sends
	 * every edit it queued in one burst, which must not cost it its connection
	 */
	burstMessages: number;
}

interface Socket {
	documents: Set<string>;
	tokens: number;
	refilledAt: number;
}

/**
 * Per-connection limits (documents open, message rate) and awareness that can
 * only speak for the authenticated user.
 */
export function connectionLimits(limits: ConnectionLimits): Extension {
	const sockets = new Map<string, Socket>();
	const socketOf = (id: string) => {
		let socket = sockets.get(id);
		if (!socket) {
			sweep(sockets);
			socket = { documents: new Set(), tokens: limits.burstMessages, refilledAt: Date.now() };
			sockets.set(id, socket);
		}
		return socket;
	};

	return {
		async onConnect({ socketId, documentName }: onConnectPayload) {
			const socket = socketOf(socketId);
			if (!socket.documents.has(documentName) && socket.documents.size >= limits.maxDocumentsPerConnection) {
				refuse('too-many-documents');
			}
			socket.documents.add(documentName);
		},
		async onDisconnect({ socketId, documentName }: onDisconnectPayload) {
			const socket = sockets.get(socketId);
			socket?.documents.delete(documentName);
			if (socket && socket.documents.size === 0) sockets.delete(socketId);
		},
		async beforeHandleMessage({ socketId }: beforeHandleMessagePayload) {
			const socket = socketOf(socketId);
			const now = Date.now();
			socket.tokens = Math.min(limits.burstMessages, socket.tokens + ((now - socket.refilledAt) / 1000) * limits.messagesPerSecond);
			socket.refilledAt = now;
			if (socket.tokens < 1) closeWith('rate-limited');
			socket.tokens -= 1;
		},
		async beforeHandleAwareness({ states, context }: beforeHandleAwarenessPayload<SyncContext>) {
			if (!context?.identity) return;
			const { userId, name } = context.identity;
			// a state that names a user names this connection's user; other fields (colour, what
			// is being viewed) are the client's own. States without a user claim nobody.
			for (const state of states.values()) {
				if (typeof state.user !== 'object' || !state.user) continue;
				state.user = { ...state.user, id: userId, name };
			}
		}
	};
}

// a socket refused before any document connected never disconnects one: forget idle ones
function sweep(sockets: Map<string, Socket>) {
	const idleSince = Date.now() - 10 * 60 * 1000;
	for (const [id, socket] of sockets) if (socket.refilledAt < idleSince) sockets.delete(id);
}
