import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { projectPage, type PageJob, type ProjectedPage } from './project-page.js';

type Pending = { resolve: (page: ProjectedPage) => void; reject: (error: Error) => void };

/**
 * Worker threads that project pages of documents, so a rebuild uses every core
 * while this thread talks to the database. `script` is an entry that calls
 * `serveProjectionJobs()` on a worker thread (the CLI does). Without a script,
 * or on one core, pages are projected on this thread.
 */
export class ProjectionPool {
	readonly #workers: Worker[] = [];
	readonly #pending = new Map<number, Pending>();
	#next = 0;

	constructor(script?: string, size = availableParallelism()) {
		if (!script || size < 2) return;
		for (let i = 0; i < size; i++) {
			const worker = new Worker(script);
			worker.on('message', ({ id, page, error }: { id: number; page?: ProjectedPage; error?: string }) => {
				const pending = this.#pending.get(id)!;
				this.#pending.delete(id);
				if (error) pending.reject(new Error(`projecting a page failed: ${error}`));
				else pending.resolve(page!);
			});
			worker.on('error', (error) => this.#failAll(error));
			this.#workers.push(worker);
		}
	}

	/** How many pages are worth having in flight at once. */
	get parallelism() {
		return Math.max(1, this.#workers.length);
	}

	project(job: PageJob): Promise<ProjectedPage> {
		if (this.#workers.length === 0) return Promise.resolve().then(() => projectPage(job));
		const id = this.#next++;
		return new Promise((resolve, reject) => {
			this.#pending.set(id, { resolve, reject });
			this.#workers[id % this.#workers.length].postMessage({ id, job });
		});
	}

	async close() {
		await Promise.all(this.#workers.map((w) => w.terminate()));
	}

	#failAll(error: Error) {
		for (const pending of this.#pending.values()) pending.reject(error);
		this.#pending.clear();
	}
}
