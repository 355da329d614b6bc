import type { beforeHandleMessagePayload, Extension } from '@hocuspocus/server';
import * as Y from 'yjs';
import { parseDocName } from '#lib/domain/documents/names.js';
import type { Db } from '#lib/server/db/index.js';
import { AckGate } from './ack-gate.js';
import { GroupAppender } from './group-append.js';
import { readInbound } from './message.js';
import { closeWith } from './refuse.js';

export interface DurableLogOptions {
	maxUpdateBytes: number;
	/** the most updates of one document logged in one statement */
	maxBatch: number;
	/** told after each logged batch, so the materializer can start at once */
	onLogged?: (tenantId: string, docName: string) => void;
}

/** The update a raw message carries, or null; throws (closing the connection) on bad input. */
function validUpdate(raw: Uint8Array, maxBytes: number): Uint8Array | null {
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
	return inbound.update;
}

/**
 * Every document update is appended to `ydoc_updates` (with its outbox row)
 * before the client is told it is saved: an acknowledged update survives a
 * crash. The update is applied and broadcast meanwhile, so the database stays
 * off the live path. A message that does not parse, or an update that does not
 * decode, closes that connection before it can touch the document.
 */
export function durableLog(db: Db, options: DurableLogOptions): Extension {
	const log = new GroupAppender(db, options.maxBatch, options.onLogged);
	return {
		async beforeHandleMessage({ update: raw, documentName, connection }: beforeHandleMessagePayload) {
			const update = validUpdate(raw, options.maxUpdateBytes);
			if (!update || connection.readOnly) return;
			AckGate.for(connection).hold(log.append(parseDocName(documentName)!.tenantId, documentName, update));
		}
	};
}
