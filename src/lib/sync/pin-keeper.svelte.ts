import type { DocHandle } from './doc-handle.svelte.js';
import type { PinStore } from './pins.svelte.js';
import type { ProviderPool } from './pool.svelte.js';

// documents downloading at once: they share the tab's one socket, but each
// still costs a load from IndexedDB, a token and a first sync
const PARALLEL = 4;
// The server takes 200 documents per socket (maxDocumentsPerConnection), and
// open pages and unsent changes need room too. Pins up to this many stay
// attached and current; the others are downloaded, detached, and fetched again
// when the rows feed says they changed on the server.
const HELD_MAX = 100;

/**
 * Keeps pinned documents on this device (DESIGN.md §3): downloads each into
 * IndexedDB a few at a time, and keeps them attached while there is room.
 * `total`/`done` tell how far the current run of first downloads is.
 */
export class PinKeeper {
	/** pins of the current run that were never downloaded */
	total = $state(0);
	/** how many of those are downloaded now */
	done = $state(0);
	/** document name → whether it counts in the run (a first download) */
	private readonly queue = new Map<string, boolean>();
	private readonly held = new Map<string, DocHandle>();
	private workers = 0;
	private stopped = false;

	constructor(
		private readonly pool: ProviderPool,
		readonly pins: PinStore
	) {}

	/** Attaches the pins that stay attached, and goes on with downloads a closed page left unfinished. */
	async start(): Promise<void> {
		const pins = await this.pins.list();
		const unfinished = pins.filter((pin) => !pin.downloadedAt);
		// automatic pins (the person's tickets) are not a download they asked for: no progress shown
		this.enqueue(unfinished.filter((pin) => !pin.auto).map((pin) => pin.name), true);
		this.enqueue(unfinished.filter((pin) => pin.auto).map((pin) => pin.name), false);
		this.enqueue(pins.slice(0, HELD_MAX).filter((pin) => pin.downloadedAt).map((pin) => pin.name), false);
	}

	stop(): void {
		this.stopped = true;
		this.queue.clear();
	}

	async pin(names: string[]): Promise<void> {
		this.enqueue(await this.pins.pin(names), true);
	}

	/**
	 * Keeps exactly these documents as the person's work (their tickets): pins
	 * the new ones without counting them as a download the person asked for, and
	 * drops the automatic pins of documents no longer among them.
	 */
	async keepOnly(names: string[]): Promise<void> {
		const wanted = new Set(names);
		const stale = (await this.pins.automatic()).filter((name) => !wanted.has(name));
		if (stale.length > 0) await this.unpin(stale);
		this.enqueue(await this.pins.pin(names, true), false);
	}

	async unpin(names: string[]): Promise<void> {
		await this.pins.unpin(names);
		for (const name of names) {
			if (this.queue.get(name)) this.total -= 1;
			this.queue.delete(name);
			const handle = this.held.get(name);
			this.held.delete(name);
			if (handle) this.pool.release(handle);
		}
		this.endRun();
	}

	/** The server has changes of these documents (from the rows feed): the pins not attached fetch them. */
	changed(names: string[]): void {
		this.pins.pinnedAmong(names).then(
			(pinned) => this.enqueue(pinned.filter((name) => !this.held.has(name)), false),
			(error) => console.warn('sync: could not read the documents kept offline', error)
		);
	}

	private enqueue(names: string[], counted: boolean) {
		for (const name of names) {
			if (this.stopped || this.queue.has(name)) continue;
			this.queue.set(name, counted);
			if (counted) this.total += 1;
		}
		// each worker takes its first document before it waits for anything
		while (this.workers < PARALLEL && this.queue.size > 0) void this.work();
	}

	private async work() {
		this.workers += 1;
		for (let next = this.take(); next; next = this.take()) {
			const [name, counted] = next;
			await this.fetch(name).catch((error) => this.stopped || console.warn(`sync: could not keep ${name} offline`, error));
			if (counted && !this.stopped) this.done += 1;
		}
		this.workers -= 1;
		this.endRun();
	}

	private take(): [string, boolean] | undefined {
		const next = this.queue.entries().next();
		if (next.done || this.stopped) return undefined;
		this.queue.delete(next.value[0]);
		return next.value;
	}

	// attached until the server's copy is stored here; then held while there is room
	private async fetch(name: string) {
		const handle = await this.pool.acquire(name);
		let hold = false;
		try {
			const state = await handle.settled();
			if (state === 'forbidden' || state === 'missing') {
				// a document the server will never give cannot be kept
				await this.pins.unpin([name]);
				return;
			}
			if (state !== 'synced' || !(await this.pins.downloaded(name, handle.doc))) return;
			hold = !this.stopped && !this.held.has(name) && this.held.size < HELD_MAX;
			if (hold) this.held.set(name, handle);
		} finally {
			if (!hold) this.pool.release(handle);
		}
	}

	private endRun() {
		if (this.workers > 0 || this.queue.size > 0) return;
		this.total = 0;
		this.done = 0;
	}
}
