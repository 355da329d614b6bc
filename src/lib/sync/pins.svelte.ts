import { liveQuery } from 'dexie';
import type * as Y from 'yjs';
import { whenStored, type LocalDb, type PinRecord } from './db.js';

/** Where a pinned document stands on this device. */
export type PinState = 'downloading' | 'kept';

/**
 * The documents the person keeps offline (DESIGN.md §3, "what the user pinned
 * for offline"), in the local database: they survive a reload, and logging out
 * deletes them with the rest. `pins` follows the table, also when another tab
 * pins or unpins.
 */
export class PinStore {
	pins: ReadonlyMap<string, PinRecord> = $state.raw(new Map());

	constructor(private readonly db: LocalDb) {}

	/** Follows the table (browser only); returns the function that stops. */
	start(): () => void {
		const subscription = liveQuery(() => this.db.pins.toArray()).subscribe({
			next: (rows) => (this.pins = new Map(rows.map((row) => [row.name, row]))),
			error: (error) => console.warn('sync: could not read the documents kept offline', error)
		});
		return () => subscription.unsubscribe();
	}

	state(name: string): PinState | null {
		const pin = this.pins.get(name);
		if (!pin) return null;
		return pin.downloadedAt ? 'kept' : 'downloading';
	}

	/** Every pin, the oldest first. */
	list(): Promise<PinRecord[]> {
		return this.db.pins.orderBy('pinnedAt').toArray();
	}

	/** Those of `names` that are pinned. */
	pinnedAmong(names: string[]): Promise<string[]> {
		return this.db.pins.where('name').anyOf(names).primaryKeys();
	}

	/**
	 * Pins the documents; resolves to those that were not pinned yet. A pin by
	 * hand (`auto` false) of a document kept as the person's work makes it stay
	 * once it no longer is; an automatic one leaves existing pins as they are.
	 */
	pin(names: string[], auto = false): Promise<string[]> {
		const { pins } = this.db;
		return this.db.transaction('rw', pins, async () => {
			const known = await pins.where('name').anyOf(names).toArray();
			const byHand = known.filter((pin) => pin.auto && !auto).map((pin) => ({ key: pin.name, changes: { auto: false } }));
			if (byHand.length > 0) await pins.bulkUpdate(byHand);
			const seen = new Set(known.map((pin) => pin.name));
			const added = [...new Set(names)].filter((name) => !seen.has(name));
			const pinnedAt = new Date().toISOString();
			await pins.bulkAdd(added.map((name) => ({ name, pinnedAt, downloadedAt: null, ...(auto ? { auto } : {}) })));
			return added;
		});
	}

	/** The documents kept automatically (the person's work), not pinned by hand. */
	async automatic(): Promise<string[]> {
		return (await this.db.pins.filter((pin) => pin.auto === true).toArray()).map((pin) => pin.name);
	}

	async unpin(names: string[]): Promise<void> {
		await this.db.pins.bulkDelete(names);
	}

	/**
	 * Records that IndexedDB holds the server's copy of a pinned document, once
	 * it does; resolves to whether the document is still pinned.
	 */
	async downloaded(name: string, doc: Y.Doc): Promise<boolean> {
		await whenStored(this.db, doc);
		return (await this.db.pins.update(name, { downloadedAt: new Date().toISOString() })) > 0;
	}
}
