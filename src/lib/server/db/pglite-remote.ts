import { Worker } from 'node:worker_threads';
import { wholeCsv, type Db } from './types.js';

/** What the main thread asks of the PGlite thread (see pglite-host.ts). */
export type Request =
	| { op: 'query'; sql: string; params: unknown[]; tx?: number }
	| { op: 'exec'; sql: string; tx?: number }
	| { op: 'copy'; table: string; columns: string[]; csv: string; tx?: number }
	| { op: 'begin' }
	| { op: 'commit' | 'rollback'; tx: number }
	| { op: 'close' };

export type Reply = { id: number; result?: unknown; error?: Record<string, unknown> & { message: string } };

/** A database error as the repositories expect it: message plus PostgreSQL's fields (`code` above all). */
function revive(error: Reply['error']): Error {
	return Object.assign(new Error(error!.message), error);
}

class Link {
	readonly #pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
	#next = 0;

	constructor(private readonly worker: Worker) {
		worker.on('message', ({ id, result, error }: Reply) => {
			const call = this.#pending.get(id);
			this.#pending.delete(id);
			if (error) call?.reject(revive(error));
			else call?.resolve(result);
		});
		// without its database the process can do nothing right: fail loudly, let the supervisor restart it
		worker.on('error', (error) => {
			console.error('the PGlite thread failed:', error);
			process.exit(1);
		});
	}

	call<T>(request: Request): Promise<T> {
		const id = this.#next++;
		return new Promise((resolve, reject) => {
			this.#pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
			this.worker.postMessage({ id, request });
		});
	}
}

function remoteDb(link: Link, tx?: number): Db {
	const db: Db = {
		kind: 'pglite',
		pooled: false,
		query: <T extends object>(sql: string, params: unknown[] = []) => link.call<T[]>({ op: 'query', sql, params, tx }),
		exec: (sql) => link.call<void>({ op: 'exec', sql, tx }),
		// the CSV crosses to the database's thread whole
		copyCsv: (table, columns, csv) => link.call<void>({ op: 'copy', table, columns, csv: wholeCsv(csv), tx }),
		async transaction(fn) {
			// PGlite has one connection: nested calls join the outer transaction
			if (tx !== undefined) return fn(db);
			const id = await link.call<number>({ op: 'begin' });
			let result;
			try {
				result = await fn(remoteDb(link, id));
			} catch (error) {
				await link.call({ op: 'rollback', tx: id });
				throw error;
			}
			await link.call({ op: 'commit', tx: id });
			return result;
		},
		close: async () => {
			if (tx === undefined) await link.call({ op: 'close' });
		}
	};
	return db;
}

/**
 * PGlite on a worker thread: the database's WASM runs beside the event loop
 * instead of on it, so queries (the durable log, the materializer, pages) never
 * hold up websocket traffic. `script` is the built entry that hosts it
 * (server/pglite-worker.ts).
 */
export async function openPgliteThread(script: string, dir: string): Promise<Db> {
	const worker = new Worker(script, { workerData: { dir } });
	const link = new Link(worker);
	await link.call({ op: 'exec', sql: 'SELECT 1' }); // resolves once PGlite is open
	return remoteDb(link);
}
