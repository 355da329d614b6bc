import type * as Y from 'yjs';
import type { DocHandle } from '../doc-handle.svelte.js';
import type { ProviderPool } from '../pool.svelte.js';

/**
 * The ticket documents a board keeps open while it is on screen, so another
 * person's change to a card arrives over the socket at once (and the row
 * index re-projects it) instead of with the next rows feed. A board holds the
 * documents of the cards it shows, up to a cap: the server takes 200
 * documents per connection, which pins and open pages share.
 */
export class HeldTickets {
	private readonly held = new Map<string, Promise<DocHandle>>();
	private stopped = false;

	constructor(
		private readonly pool: ProviderPool,
		private readonly cap: number
	) {}

	/** Holds these documents (the first `cap` of them) and lets go of the others. */
	keep(names: readonly string[]): void {
		if (this.stopped) return;
		const wanted = new Set(names.slice(0, this.cap));
		for (const name of [...this.held.keys()]) if (!wanted.has(name)) this.release(name);
		for (const name of wanted) this.hold(name);
	}

	/**
	 * Changes a ticket document (a card moved, a visit booked). It need not be
	 * among those held: it is opened from this device, edited, and synced; the
	 * pool keeps it attached until the server has the change.
	 */
	async edit(name: string, change: (doc: Y.Doc) => void): Promise<void> {
		const held = this.held.get(name);
		const handle = await (held ?? this.pool.acquire(name));
		try {
			change(handle.doc);
		} finally {
			if (!held) this.pool.release(handle);
		}
	}

	stop(): void {
		this.stopped = true;
		for (const name of [...this.held.keys()]) this.release(name);
	}

	private hold(name: string) {
		if (this.held.has(name)) return;
		const acquired = this.pool.acquire(name);
		// a document that cannot be opened is not held; the board still shows its row
		acquired.catch(() => this.held.delete(name));
		this.held.set(name, acquired);
	}

	private release(name: string) {
		const acquired = this.held.get(name);
		this.held.delete(name);
		void acquired?.then((handle) => this.pool.release(handle)).catch(() => {});
	}
}
