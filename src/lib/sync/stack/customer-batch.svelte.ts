import type * as Y from 'yjs';
import { plain } from '#lib/domain/documents/shape.js';
import type { DocHandle } from '../doc-handle.svelte.js';
import type { SyncEngine } from '../engine.svelte.js';
import { customerDocName } from '#lib/domain/customer/edits.js';
import { editAs } from '#lib/domain/customer/history.js';
import { syncStatus } from '../status.svelte.js';
import type { EditOutcome } from './deployment-edits.js';

/** customer documents edited at once: each costs a load from IndexedDB, a token and a first sync */
const PARALLEL = 4;
/**
 * The server takes 200 documents per socket (maxDocumentsPerConnection), and a
 * released document stays attached a while (the pool's grace period, unsent
 * changes). Open pages and documents kept offline need room too.
 */
const ATTACHED_MAX = 150;
/** how long a document not on this device yet may take to arrive from the server */
const ARRIVAL_MS = 10_000;
const POLL_MS = 50;

export type Outcome = EditOutcome | 'skipped' | 'failed';

export interface BatchItem {
	customerId: string;
	name: string;
}

export interface BatchResult {
	customerId: string;
	name: string;
	outcome: Outcome;
	/** why it was skipped or failed */
	reason: string | null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One edit applied to many customer documents (a rollout, a bulk quantity
 * change): a few at a time through the engine's pool, each edit on this
 * device first, so it works offline for the customers kept here. A customer
 * whose document is not on the device (offline) is skipped and reported,
 * never written blind: the edit depends on what the customer already runs.
 */
export class CustomerBatch {
	total = $state(0);
	done = $state(0);
	running = $state(false);
	results: BatchResult[] = $state.raw([]);

	count(outcome: Outcome): number {
		return this.results.filter((r) => r.outcome === outcome).length;
	}

	get skipped(): BatchResult[] {
		return this.results.filter((r) => r.outcome === 'skipped' || r.outcome === 'failed');
	}

	async run<I extends BatchItem>(engine: SyncEngine, items: readonly I[], edit: (doc: Y.Doc, item: I) => EditOutcome): Promise<void> {
		if (this.running) throw new Error('a batch is already running');
		this.running = true;
		this.total = items.length;
		this.done = 0;
		this.results = [];
		const queue = [...items];
		const worker = async () => {
			for (let item = queue.shift(); item; item = queue.shift()) {
				const result = await this.apply(engine, item, edit);
				this.results = [...this.results, result];
				this.done += 1;
			}
		};
		try {
			await Promise.all(Array.from({ length: Math.min(PARALLEL, items.length) }, worker));
		} finally {
			this.running = false;
		}
	}

	private async apply<I extends BatchItem>(engine: SyncEngine, item: I, edit: (doc: Y.Doc, item: I) => EditOutcome): Promise<BatchResult> {
		const result = (outcome: Outcome, reason: string | null = null) => ({ customerId: item.customerId, name: item.name, outcome, reason });
		const docName = customerDocName(engine.session.tenant.id, item.customerId);
		if (!(await roomFor(engine, docName))) return result('skipped', 'Too many customers changed offline at once. Run it again when online.');
		const handle = await engine.pool.acquire(docName);
		try {
			if (!(await arrived(handle))) return result('skipped', syncStatus.online ? 'Not found on the server.' : 'Not on this device yet. Run it again when online.');
			const customer = plain(handle.doc.getMap('customer'));
			if (customer.deletedAt) return result('skipped', 'The customer is deleted.');
			editAs(handle.doc, engine.user.name);
			const outcome = edit(handle.doc, item);
			// in the lists at once, not after the row index's debounce
			if (outcome !== 'unchanged') await engine.rows.project(docName, handle.doc);
			return result(outcome);
		} catch (error) {
			console.warn(`stack: could not change ${docName}`, error);
			return result('failed', error instanceof Error ? error.message : 'The change could not be made.');
		} finally {
			engine.pool.release(handle);
		}
	}
}

/** Polls until `done` holds or `gaveUp` does; resolves to whether `done` held. */
async function until(done: () => boolean, gaveUp: () => boolean): Promise<boolean> {
	while (!done()) {
		if (gaveUp()) return false;
		await sleep(POLL_MS);
	}
	return true;
}

/**
 * Waits until the pool has room for one more document. Offline nothing
 * detaches (unsent changes keep documents attached), and more than the server
 * takes would be refused on reconnect: then there is no room.
 */
function roomFor(engine: SyncEngine, docName: string): Promise<boolean> {
	return until(() => engine.pool.holds(docName) || engine.pool.attached < ATTACHED_MAX, () => !syncStatus.online);
}

/**
 * Whether the customer is in the document. Online it first catches up with the
 * server (a stale copy could miss a deployment another device added, and the
 * rollout would add a second one); offline it is what IndexedDB holds.
 */
async function arrived(handle: DocHandle): Promise<boolean> {
	const deadline = Date.now() + ARRIVAL_MS;
	let settled = false;
	void handle.settled().then(() => (settled = true));
	await until(() => settled, () => !syncStatus.online || Date.now() > deadline);
	return handle.doc.getMap('customer').size > 0;
}
