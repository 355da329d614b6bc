import type { Db } from '#lib/server/db/index.js';
import { foldDocument, staleLogs } from '#lib/server/repositories/ydocs.js';
import { foldState } from '#lib/server/documents/stored-doc.js';

export const COMPACTOR_DEFAULTS = {
	/** how often to look for logs nobody folded */
	intervalMs: 30_000,
	/** a log this old belongs to no live document (stores happen within maxDebounce) */
	staleAfterMs: 60_000
};

/**
 * Folds the logs of documents that no node has loaded (their node died before
 * storing). Safe on every node at once: folding locks the document's row.
 */
export function startCompactor(db: Db, options = COMPACTOR_DEFAULTS) {
	let running: Promise<void> | undefined;
	const run = async () => {
		for (const { tenantId, name } of await staleLogs(db, options.staleAfterMs)) {
			await foldDocument(db, tenantId, name, (stored) => foldState(stored));
		}
	};
	const timer = setInterval(() => {
		running ??= run()
			.catch((error) => console.error('compactor:', error))
			.finally(() => (running = undefined));
	}, options.intervalMs);
	timer.unref();
	return {
		run,
		async stop() {
			clearInterval(timer);
			await running;
		}
	};
}
