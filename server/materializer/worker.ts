import type { Db } from '#lib/server/db/index.js';
import { claimOutbox, deleteOutboxRows, type OutboxRow } from '#lib/server/repositories/outbox.js';
import { materializeDocument } from './materialize.js';

export const MATERIALIZER_DEFAULTS = {
	batch: 32,
	/** a claim not finished in this time goes back to the queue (its worker died) */
	leaseMs: 30_000,
	/** how often an idle worker looks for work other nodes queued */
	pollMs: 250,
	/** a document that fails this many times is set aside and logged */
	maxAttempts: 5
};

/**
 * The materializer's worker loop: claims outbox rows, projects each document
 * once per batch, deletes the rows it finished. `wake()` starts a round at once
 * (the durable log calls it after each update); otherwise it polls.
 */
export function startMaterializer(db: Db, options = MATERIALIZER_DEFAULTS) {
	let stopped = false;
	let wakeUp: (() => void) | undefined;
	let idle: Promise<void> = Promise.resolve();

	async function round(): Promise<number> {
		const rows = await claimOutbox(db, options.batch, options.leaseMs);
		const byDoc = new Map<string, OutboxRow[]>();
		for (const row of rows) byDoc.set(`${row.tenantId}|${row.docName}`, [...(byDoc.get(`${row.tenantId}|${row.docName}`) ?? []), row]);
		for (const group of byDoc.values()) {
			const { tenantId, docName } = group[0];
			try {
				await materializeDocument(db, tenantId, docName);
				await deleteOutboxRows(db, group);
			} catch (error) {
				console.error(`materializer: ${docName} failed:`, error);
				// bounded retries: the claim expires and the row comes back, until it has failed too often
				if (group.some((r) => r.attempts >= options.maxAttempts)) await deleteOutboxRows(db, group);
			}
		}
		return rows.length;
	}

	const loop = (async () => {
		while (!stopped) {
			let worked = 0;
			try {
				worked = await round();
			} catch (error) {
				console.error('materializer:', error);
			}
			if (worked === 0 && !stopped) {
				idle = new Promise<void>((resolve) => {
					wakeUp = resolve;
					setTimeout(resolve, options.pollMs).unref();
				});
				await idle;
				wakeUp = undefined;
			}
		}
	})();

	return {
		wake: () => wakeUp?.(),
		/** runs rounds until the queue is empty (tests, benchmarks, shutdown) */
		async drain() {
			while ((await round()) > 0);
		},
		async stop() {
			stopped = true;
			wakeUp?.();
			await loop;
		}
	};
}
