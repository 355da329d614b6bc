import { parentPort, workerData } from 'node:worker_threads';
import type { PGlite, Transaction } from '@electric-sql/pglite';
import { createPglite, copyCsvInto } from './pglite.js';
import type { Reply, Request } from './pglite-remote.js';

interface OpenTransaction {
	tx: Transaction;
	finish: (commit: boolean) => void;
	done: Promise<unknown>;
}

/** The PostgreSQL fields of an error (code, detail, constraint, …), which cross the thread as plain data. */
function plainError(error: unknown): NonNullable<Reply['error']> {
	if (!(error instanceof Error)) return { message: String(error) };
	const fields: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(error)) if (value === null || typeof value !== 'object') fields[key] = value;
	return { ...fields, message: error.message };
}

/**
 * The worker side of openPgliteThread: owns PGlite and answers requests.
 * A transaction stays open across requests until its commit or rollback
 * arrives; PGlite itself makes other statements wait for it.
 */
export async function hostPglite() {
	const pg = await createPglite(workerData.dir as string);
	const transactions = new Map<number, OpenTransaction>();
	let nextTx = 0;

	const target = (tx?: number): Pick<PGlite, 'query' | 'exec'> => {
		if (tx === undefined) return pg;
		const open = transactions.get(tx);
		if (!open) throw new Error(`no open transaction ${tx}`);
		return open.tx;
	};

	async function begin(): Promise<number> {
		const id = nextTx++;
		return new Promise((started) => {
			const done = pg.transaction(
				(tx) =>
					new Promise<void>((resolve, reject) => {
						transactions.set(id, { tx, finish: (commit) => (commit ? resolve() : reject(new Error('rolled back'))), done });
						started(id);
					})
			);
			done.catch(() => undefined); // a rollback rejects it on purpose
		});
	}

	async function finish(tx: number, commit: boolean) {
		const open = transactions.get(tx)!;
		transactions.delete(tx);
		open.finish(commit);
		await open.done.catch((error) => {
			if (commit) throw error; // a commit that failed
		});
	}

	async function handle(request: Request): Promise<unknown> {
		switch (request.op) {
			case 'query':
				return (await target(request.tx).query(request.sql, request.params)).rows;
			case 'exec':
				await target(request.tx).exec(request.sql);
				return undefined;
			case 'copy':
				return copyCsvInto(target(request.tx), request.table, request.columns, request.csv);
			case 'begin':
				return begin();
			case 'commit':
			case 'rollback':
				return finish(request.tx, request.op === 'commit');
			case 'close':
				return pg.close();
		}
	}

	parentPort!.on('message', ({ id, request }: { id: number; request: Request }) => {
		handle(request).then(
			(result) => parentPort!.postMessage({ id, result } satisfies Reply),
			(error) => parentPort!.postMessage({ id, error: plainError(error) } satisfies Reply)
		);
	});
}
