import { parseDocName } from '#lib/domain/documents/names.js';
import type { Db } from '#lib/server/db/index.js';
import { rowsChanged } from '#lib/server/live-docs.js';
import { claimOutbox, deleteOutboxRows, type OutboxRow } from '#lib/server/repositories/outbox.js';
import { runRulesAfterRound } from '#lib/server/tickets/rule-runner.js';
import { sendTicketNotices } from '#lib/server/tickets/ticket-notices.js';
import { stampTickets } from '#lib/server/tickets/stamps.js';
import { reviewWeeksAfterRound } from '#lib/server/timesheets/week-reviews.js';
import { materializeDocuments } from './materialize.js';
import { ProjectionPool } from './projection-pool.js';

export const MATERIALIZER_DEFAULTS = {
	batch: 100,
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
	/** the longest a busy round makes the next one wait (see the loop): a slow round must not hold up the next person's rows */
	paceMaxMs: 100,
	/** a document that fails this many times is set aside and logged */
	maxAttempts: 5
};

export type MaterializerOptions = typeof MATERIALIZER_DEFAULTS & {
	/** an entry that serves projection jobs (see ProjectionPool): documents are projected on a thread of its own */
	workerScript?: string;
};

const key = (doc: { tenantId: string; docName: string }) => `${doc.tenantId}|${doc.docName}`;

/**
 * The materializer's worker loop: claims outbox rows, projects each document
 * once per batch, writes the batch in one transaction, deletes the rows it
 * finished. `wake()` starts a round at once (the durable log calls it after
 * each update); otherwise it polls.
 */
export function startMaterializer(db: Db, options: MaterializerOptions = MATERIALIZER_DEFAULTS) {
	// one thread is enough for the live path: it keeps the event loop that relays edits free
	const pool = new ProjectionPool(options.workerScript, 1);
	let stopped = false;
	let wakeUp: (() => void) | undefined;

	async function round(): Promise<number> {
		const rows = await claimOutbox(db, options.batch, options.leaseMs);
		if (rows.length === 0) return 0;
		const byDoc = new Map<string, OutboxRow[]>();
		for (const row of rows) byDoc.set(key(row), [...(byDoc.get(key(row)) ?? []), row]);
		const docs = [...byDoc.values()].map(([{ tenantId, docName }]) => ({ tenantId, docName }));
		const failed = await materializeDocuments(db, docs, pool);
		for (const { doc, error } of failed) console.error(`materializer: ${doc.docName} failed:`, error);
		const failedKeys = new Set(failed.map(({ doc }) => key(doc)));
		try {
			await stampTickets(db, docs.filter((d) => !failedKeys.has(key(d))));
		} catch (error) {
			// the tickets' rows come back to the queue, to be stamped on a later round
			console.error('materializer: cannot stamp tickets:', error);
			for (const d of docs) if (parseDocName(d.docName)?.kind === 'ticket') failedKeys.add(key(d));
		}
		const projected = docs.filter((d) => !failedKeys.has(key(d)));
		rowsChanged(projected.map((d) => d.tenantId));
		// workflow rules on the tickets of the round (decision 019), then what assignees and
		// customers hear of them; neither ever fails the round
		await runRulesAfterRound(db, projected);
		await sendTicketNotices(db, projected);
		// submissions and late edits of timesheet weeks (decision 026)
		await reviewWeeksAfterRound(db, projected);
		// bounded retries: a failed document's claim expires and its row comes back, until it has failed too often
		const done = rows.filter((r) => !failedKeys.has(key(r)) || byDoc.get(key(r))!.some((g) => g.attempts >= options.maxAttempts));
		await deleteOutboxRows(db, done);
		return rows.length;
	}

	const settle = (ms: number) => new Promise((r) => setTimeout(r, ms).unref());
	// while edits keep coming, a round waits at least as long as the last one took: on a big
	// document (a 500-task project took 100–200 ms a round on a loaded machine) the
	// materializer then takes at most half the time of the cores and database it shares with the
	// live path, and rows still land within two rounds
	const loop = (async () => {
		while (!stopped) {
			let worked = 0;
			const started = performance.now();
			try {
				worked = await round();
			} catch (error) {
				console.error('materializer:', error);
			}
			const took = performance.now() - started;
			if (worked > 0 && !stopped) await settle(Math.max(options.settleMs, Math.min(took, options.paceMaxMs)));
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
				if (woken && !stopped) await settle(options.settleMs);
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
			await pool.close();
		}
	};
}
