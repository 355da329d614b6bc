import type { beforeHandleMessagePayload, Connection, Extension } from '@hocuspocus/server';
import * as Y from 'yjs';
import { parseDocName } from '#lib/domain/documents/names.js';
import type { Db } from '#lib/server/db/index.js';
import { appendUpdates } from '#lib/server/repositories/ydocs.js';
import { readInbound } from './message.js';
import { closeWith } from './refuse.js';

export interface DurableLogOptions {
	maxUpdateBytes: number;
	/** the most queued updates logged in one statement */
	maxBatch: number;
	/** told after each logged batch, so the materializer can start at once */
	onLogged?: (tenantId: string, docName: string) => void;
}

/** The update a raw message carries, or null; throws (closing the connection) on bad input. */
function validUpdate(raw: Uint8Array, maxBytes: number): { documentName: string; update: Uint8Array } | null {
	let inbound;
	try {
		inbound = readInbound(raw);
	} catch {
		closeWith('malformed-message');
	}
	if (inbound.kind !== 'update') return null;
	if (inbound.update.byteLength > maxBytes) closeWith('update-too-large');
	try {
		Y.decodeUpdate(inbound.update);
	} catch {
		closeWith('malformed-update');
	}
	return inbound;
}

/**
 * The valid updates queued behind the current message on this connection, so a
 * client that comes back online with a thousand queued edits is logged in a few
 * statements rather than a thousand. Reads Hocuspocus' per-connection queue, which
 * it processes strictly in order (see docs/decisions/005).
 */
function queuedUpdates(connection: Connection, documentName: string, maxBytes: number, limit: number) {
	const queue = (connection as unknown as { messageQueue?: Uint8Array[] }).messageQueue ?? [];
	const run: { raw: Uint8Array; update: Uint8Array }[] = [];
	for (const raw of queue.slice(1, limit)) {
		let found;
		try {
			found = validUpdate(raw, maxBytes);
		} catch {
			break; // its own turn will close the connection
		}
		if (!found || found.documentName !== documentName) break;
		run.push({ raw, update: found.update });
	}
	return run;
}

/**
 * Every document update is appended to `ydoc_updates` (with its outbox row)
 * before Hocuspocus applies and acknowledges it: an acknowledged update
 * survives a crash. A message that does not parse, or an update that does not
 * decode, closes that connection before it can touch the document.
 */
export function durableLog(db: Db, options: DurableLogOptions): Extension {
	const logged = new WeakSet<Uint8Array>();
	return {
		async beforeHandleMessage({ update: raw, documentName, connection }: beforeHandleMessagePayload) {
			if (logged.has(raw)) return;
			const first = validUpdate(raw, options.maxUpdateBytes);
			if (!first || connection.readOnly) return;
			const following = queuedUpdates(connection, documentName, options.maxUpdateBytes, options.maxBatch);
			const name = parseDocName(documentName)!;
			await appendUpdates(db, name.tenantId, documentName, [first.update, ...following.map((f) => f.update)]);
			for (const { raw: later } of following) logged.add(later);
			options.onLogged?.(name.tenantId, documentName);
		}
	};
}
