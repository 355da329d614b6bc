import { useSync } from '../engine.svelte.js';
import { listBatches, pullChanges, undoBatch, UNREACHABLE, type ImportBatch } from './api.js';

/** The recent imports (the server keeps them), with undo for the finished ones. */
export class ImportHistory {
	batches: ImportBatch[] = $state.raw([]);
	loaded = $state(false);
	/** why the list could not be fetched */
	error = $state('');
	/** the import being undone */
	undoing: string | null = $state(null);
	/** what the last undo did, for the live region */
	message = $state('');
	/** bumped by every change made here: a list fetched before it is stale */
	#generation = 0;

	async refresh(): Promise<void> {
		const generation = this.#generation;
		try {
			const batches = await listBatches();
			// a list requested before an undo finished would show the import as not undone
			if (generation !== this.#generation) return;
			this.batches = batches;
			this.error = '';
		} catch (error) {
			this.error =
				error instanceof Error && error.message !== UNREACHABLE
					? error.message
					: 'Recent imports come from the server, which cannot be reached now. They show once you are back online.';
		} finally {
			this.loaded = true;
		}
	}

	/** Soft-deletes what the import created; the customers list then shows them as deleted. */
	async undo(id: string): Promise<void> {
		this.undoing = id;
		try {
			const batch = await undoBatch(id);
			this.#generation++;
			this.batches = this.batches.map((b) => (b.id === id ? batch : b));
			this.message = `Import of ${batch.fileName} undone: ${batch.created} ${batch.created === 1 ? 'record' : 'records'} deleted.`;
			const engine = await useSync();
			void pullChanges(() => engine.pull());
		} catch (error) {
			this.message = error instanceof Error ? error.message : String(error);
		} finally {
			this.undoing = null;
		}
	}
}
