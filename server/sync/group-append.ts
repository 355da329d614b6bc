import type { Db } from '#lib/server/db/index.js';
import { appendUpdates } from '#lib/server/repositories/ydocs.js';

interface Waiting {
	updates: Uint8Array[];
	settle: (() => void)[];
}

/** Waits between attempts while the database refuses an insert: 100 ms, doubling, at most 5 s. */
const retryDelay = (attempt: number) => Math.min(100 * 2 ** attempt, 5000);

/**
 * Appends each document's updates to the durable log in group commits: while one
 * insert for a document is in flight, the updates that arrive meanwhile gather and
 * go in the next one. A client coming back online with a thousand queued edits
 * costs a few statements, and a busy document never has more than one insert
 * waiting on the pool.
 *
 * A batch the database refuses is retried until it is in: the updates are
 * already applied to the live document, and the batches after it wait, so no
 * acknowledgement of this document goes out until everything before it is logged.
 */
export class GroupAppender {
	readonly #waiting = new Map<string, Waiting>();
	readonly #busy = new Set<string>();

	constructor(
		private readonly db: Db,
		private readonly maxBatch: number,
		private readonly onLogged?: (tenantId: string, docName: string) => void
	) {}

	/** Resolves once `update` is committed to the log (with its outbox row); never rejects. */
	append(tenantId: string, docName: string, update: Uint8Array): Promise<void> {
		return new Promise((resolve) => {
			const key = `${tenantId}\0${docName}`;
			let waiting = this.#waiting.get(key);
			if (!waiting) this.#waiting.set(key, (waiting = { updates: [], settle: [] }));
			waiting.updates.push(update);
			waiting.settle.push(resolve);
			if (!this.#busy.has(key)) void this.#drain(key, tenantId, docName);
		});
	}

	async #drain(key: string, tenantId: string, docName: string) {
		this.#busy.add(key);
		try {
			for (let batch = this.#take(key); batch; batch = this.#take(key)) {
				await this.#insist(tenantId, docName, batch.updates);
				for (const settle of batch.settle) settle();
				this.onLogged?.(tenantId, docName);
			}
		} finally {
			this.#busy.delete(key);
		}
	}

	async #insist(tenantId: string, docName: string, updates: Uint8Array[]) {
		for (let attempt = 0; ; attempt++) {
			try {
				return await appendUpdates(this.db, tenantId, docName, updates);
			} catch (error) {
				if (attempt === 0) console.error(`cannot log ${updates.length} update(s) of ${docName}; retrying until the database takes them:`, error);
				await new Promise((r) => setTimeout(r, retryDelay(attempt)));
			}
		}
	}

	/** The next batch of at most maxBatch updates, in arrival order. */
	#take(key: string): Waiting | undefined {
		const waiting = this.#waiting.get(key);
		if (!waiting) return undefined;
		if (waiting.updates.length <= this.maxBatch) {
			this.#waiting.delete(key);
			return waiting;
		}
		return { updates: waiting.updates.splice(0, this.maxBatch), settle: waiting.settle.splice(0, this.maxBatch) };
	}
}
