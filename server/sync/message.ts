import * as decoding from 'lib0/decoding';

// Hocuspocus' message types (MessageType in @hocuspocus/server) and y-protocols' sync steps
const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

export type Inbound =
	| { kind: 'update'; documentName: string; update: Uint8Array }
	| { kind: 'awareness' }
	| { kind: 'other' };

/**
 * What a raw client message carries, read without applying it: a document
 * update (sync step 2 or update) is what must reach the durable log first.
 * Throws on a message that does not even parse.
 */
export function readInbound(raw: Uint8Array): Inbound {
	const decoder = decoding.createDecoder(raw);
	const documentName = decoding.readVarString(decoder).split('\0')[0];
	const type = decoding.readVarUint(decoder);
	if (type === MESSAGE_AWARENESS) return { kind: 'awareness' };
	if (type !== MESSAGE_SYNC) return { kind: 'other' };
	const step = decoding.readVarUint(decoder);
	if (step !== SYNC_STEP_2 && step !== SYNC_UPDATE) return { kind: 'other' };
	return { kind: 'update', documentName, update: decoding.readVarUint8Array(decoder) };
}
