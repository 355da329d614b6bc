import type { TemplateId } from '#lib/domain/import/templates.js';
import { callApi, type JsonRecord } from '../api.js';
// types only: erased from the browser bundle
import type { ImportBatch as StoredBatch } from '#lib/server/repositories/import-batches.js';

/** The import API (docs/api.md "Imports"): importing needs the server, unlike the preview and exports. */

export type { BatchStatus } from '#lib/server/repositories/import-batches.js';

/** An import as the API reports it: the stored batch, its instants as ISO strings. */
export type ImportBatch = JsonRecord<StoredBatch>;

export const UNREACHABLE = 'Importing needs the server, and it cannot be reached: you are offline or it is down. The preview stays here; import once you are back online.';

const call = <T>(url: string, init: RequestInit = {}) => callApi<T>(url, init, UNREACHABLE);

export async function startImport(file: File, options: { template: TemplateId; customerId: string | null }): Promise<ImportBatch> {
	const query = new URLSearchParams({ name: file.name, template: options.template });
	if (options.customerId) query.set('customerId', options.customerId);
	const init = { method: 'POST', headers: { 'content-type': 'text/csv' }, body: file };
	return (await call<{ batch: ImportBatch }>(`/api/v1/imports?${query}`, init)).batch;
}

export async function fetchBatch(id: string): Promise<ImportBatch> {
	return (await call<{ batch: ImportBatch }>(`/api/v1/imports/${encodeURIComponent(id)}`)).batch;
}

export async function listBatches(): Promise<ImportBatch[]> {
	return (await call<{ batches: ImportBatch[] }>('/api/v1/imports')).batches;
}

export async function undoBatch(id: string): Promise<ImportBatch> {
	return (await call<{ batch: ImportBatch }>(`/api/v1/imports/${encodeURIComponent(id)}/undo`, { method: 'POST' })).batch;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How often a running import is asked for its progress: often enough for a smooth bar, rarely enough to cost nothing. */
const POLL_MS = 250;

/** Polls a running import until it ends (or `stopped` says the page went away); reports each answer. */
export async function followBatch(batch: ImportBatch, onProgress: (batch: ImportBatch) => void, stopped: () => boolean): Promise<ImportBatch> {
	let current = batch;
	while (current.status === 'running' && !stopped()) {
		await wait(POLL_MS);
		current = await fetchBatch(current.id);
		onProgress(current);
	}
	return current;
}

/**
 * What an import or undo changed reaches the row index through the feed once
 * the server has projected it. New customers are projected before the import
 * ends; records added to existing customers, and undos, go through the
 * materializer a moment later, so the feed is pulled again after a while.
 */
export async function pullChanges(pull: () => Promise<unknown>, delays: readonly number[] = [0, 1000, 3000]): Promise<void> {
	let waited = 0;
	for (const at of delays) {
		await wait(at - waited);
		waited = at;
		await pull();
	}
}
