import type { beforeHandleMessagePayload, Extension } from '@hocuspocus/server';
import * as Y from 'yjs';
import { parseDocName } from '#lib/domain/documents/names.js';
import type { Db } from '#lib/server/db/index.js';
import { appendUpdate } from '#lib/server/repositories/ydocs.js';
import { readInbound } from './message.js';
import { closeWith } from './refuse.js';

export interface DurableLogOptions {
	maxUpdateBytes: number;
	/** told after each logged update, so the materializer can start at once */
	onLogged?: (tenantId: string, docName: string) => void;
}

/**
 * Every document update is appended to `ydoc_updates` (with its outbox row)
 * before Hocuspocus applies and acknowledges it: an acknowledged update
 * survives a crash. A message that does not parse, or an update that does not
 * decode, closes that connection before it can touch the document.
 */
export function durableLog(db: Db, options: DurableLogOptions): Extension {
	return {
		async beforeHandleMessage({ update: raw, documentName, connection }: beforeHandleMessagePayload) {
			let inbound;
			try {
				inbound = readInbound(raw);
			} catch {
				closeWith('malformed-message');
			}
			if (inbound.kind !== 'update' || connection.readOnly) return;
			if (inbound.update.byteLength > options.maxUpdateBytes) closeWith('update-too-large');
			try {
				Y.decodeUpdate(inbound.update);
			} catch {
				closeWith('malformed-update');
			}
			const name = parseDocName(documentName)!;
			await appendUpdate(db, name.tenantId, documentName, inbound.update);
			options.onLogged?.(name.tenantId, documentName);
		}
	};
}
