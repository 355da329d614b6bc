import type { Connection } from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';

// MessageType.SyncStatus in @hocuspocus/server: the "your update is saved" acknowledgement
const MESSAGE_SYNC_STATUS = 8;

// every message a connection sends passes here (49 copies of each broadcast in a busy
// document): skip over the address by its length instead of decoding it as text
export function isSyncStatus(message: Uint8Array): boolean {
	const decoder = decoding.createDecoder(message);
	// read the length before adding it: `pos += read()` would add to the position before the read
	const addressLength = decoding.readVarUint(decoder);
	decoder.pos += addressLength;
	return decoding.readVarUint(decoder) === MESSAGE_SYNC_STATUS;
}

/**
 * Holds back a connection's acknowledgements until the updates they acknowledge
 * are in the durable log, while the updates themselves are applied and broadcast
 * at once: co-editors see an edit without waiting for the database, and the
 * sender is told "saved" only when it is. Hocuspocus sends the acknowledgement
 * from inside its message handling with no hook around it, so the gate wraps the
 * connection's `send` (docs/decisions/005).
 */
export class AckGate {
	static #gates = new WeakMap<Connection, AckGate>();

	#latest: Promise<void> = Promise.resolve();
	#acks: Promise<void> = Promise.resolve();

	private constructor(connection: Connection) {
		const send = connection.send.bind(connection);
		connection.send = (message: Uint8Array) => (isSyncStatus(message) ? this.#ack(message, send) : send(message));
	}

	static for(connection: Connection): AckGate {
		let gate = AckGate.#gates.get(connection);
		if (!gate) AckGate.#gates.set(connection, (gate = new AckGate(connection)));
		return gate;
	}

	/**
	 * The message being handled is acknowledged once `logged` resolves. Hocuspocus
	 * handles a connection's messages one at a time, so the acknowledgement sent
	 * next belongs to the message held last.
	 */
	hold(logged: Promise<void>) {
		this.#latest = logged;
	}

	#ack(message: Uint8Array, send: (message: Uint8Array) => void) {
		const logged = this.#latest;
		// in order: a client counts acknowledgements, it does not match them
		this.#acks = this.#acks.then(() => logged).then(() => send(message));
	}
}
