import { Worker } from 'node:worker_threads';
import { runProjectionJob, type PageJob, type ProjectedDoc, type ProjectedPage, type ProjectionJob } from './project-page.js';

type Pending = { resolve: (result: never) => void; reject: (error: Error) => void };

/**
 * Worker threads that project documents, so that work does not hold up this
 * thread: a rebuild uses every core while this thread talks to the database,
 * and the live materializer keeps decoding and validating documents off the
 * event loop that relays edits. `script` is an entry that calls
 * `serveProjectionJobs()` on a worker thread (the server and CLI bundles have
 * one). Without a script, or with size 0, jobs run on this thread.
 */
export class ProjectionPool {
	readonly #workers: Worker[] = [];
	/** the workers that finished loading: loading the projection code takes seconds on a busy machine */
	readonly #ready = new Set<Worker>();
	readonly #pending = new Map<number, Pending>();
	#next = 0;

	#closed = false;

	constructor(script: string | undefined, size: number) {
		if (!script) return;
		for (let slot = 0; slot < size; slot++) this.#workers.push(this.#spawn(script, slot));
	}

	#spawn(script: string, slot: number): Worker {
		const worker = new Worker(script);
		worker.on('message', ({ id, result, error, ready }: { id: number; result?: unknown; error?: string; ready?: true }) => {
			if (ready) return void this.#ready.add(worker);
			const pending = this.#pending.get(id)!;
			this.#pending.delete(id);
			if (error) pending.reject(new Error(`projecting failed: ${error}`));
			else pending.resolve(result as never);
		});
		worker.on('error', (error) => this.#failAll(error));
		// a worker that died is replaced, so the jobs after its failed ones do not wait on it forever
		worker.on('exit', (code) => {
			this.#ready.delete(worker);
			if (this.#closed) return;
			this.#failAll(new Error(`a projection worker exited (${code})`));
			this.#workers[slot] = this.#spawn(script, slot);
		});
		return worker;
	}

	/** How many jobs are worth having in flight at once. */
	get parallelism() {
		return Math.max(1, this.#workers.length);
	}

	/** A page of documents as the bulk loads take it (rematerialize). */
	project(job: PageJob): Promise<ProjectedPage> {
		return this.#run({ kind: 'page', job });
	}

	/** The documents of a materializer round, each projected or failed, in the order given. */
	projectDocs(job: PageJob): Promise<ProjectedDoc[]> {
		return this.#run({ kind: 'docs', job });
	}

	async close() {
		this.#closed = true;
		await Promise.all(this.#workers.map((w) => w.terminate()));
	}

	// until a worker has loaded, jobs run on this thread: rows must not wait seconds after a start
	#run<T>(job: ProjectionJob): Promise<T> {
		const ready = this.#workers.filter((w) => this.#ready.has(w));
		if (ready.length === 0) return Promise.resolve().then(() => runProjectionJob(job) as T);
		const id = this.#next++;
		return new Promise<T>((resolve, reject) => {
			this.#pending.set(id, { resolve: resolve as (result: never) => void, reject });
			ready[id % ready.length].postMessage({ id, job });
		});
	}

	#failAll(error: Error) {
		for (const pending of this.#pending.values()) pending.reject(error);
		this.#pending.clear();
	}
}
