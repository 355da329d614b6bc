import type { Db } from '#lib/server/db/index.js';
import { claimOutbox, deleteOutboxRows, type OutboxRow } from '#lib/server/repositories/outbox.js';
import { materializeDocument } from './materialize.js';

export const MATERIALIZER_DEFAULTS = {
	batch: 32,
	/** a claim not finished in this time goes back to the queue (its worker died) */
	leaseMs: 30_000,
	/** how often an idle worker looks for work other nodes queued */
	pollMs: 250,
	/**
	 * after a wake-up, how long to let a burst of edits gather before projecting:
	 * one projection per burst keeps the worker off the live path (the process and,
	 * with PGlite, the database connection are shared with the sync server)
	 */
	settleMs: 50,
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
			const settle = () => new Promise((r) => setTimeout(r, options.settleMs).unref());
			if (worked > 0 && !stopped) await settle();
			if (worked === 0 && !stopped) {
				let woken = false;
				const idle = new Promise<void>((resolve) => {
					wakeUp = () => {
						woken = true;
						resolve();
					};
					setTimeout(resolve, options.pollMs).unref();
				});
				await idle;
				wakeUp = undefined;
				if (woken && !stopped) await settle();
			}
		}
	})();

	return {
		wake: () => wakeUp?.(),
		/** stops the loop, then projects what is still queued, so a clean shutdown leaves rows current */
		async stop() {
			stopped = true;
			wakeUp?.();
			await loop;
			while ((await round()) > 0);
		}
	};
}
