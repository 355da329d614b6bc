import type { DocHandle, PresenceUser } from './doc-handle.svelte.js';
import { useSync, type SyncEngine } from './engine.svelte.js';
import { Presence } from './presence.svelte.js';

/**
 * Where a record page stands with its document:
 * - loading: opening, or waiting for the server's copy;
 * - ready: the record is here;
 * - missing: the server has no such record;
 * - unavailable: never on this device, and no network to fetch it;
 * - forbidden: the server refused this document.
 */
export type OpenStatus = 'loading' | 'ready' | 'missing' | 'unavailable' | 'forbidden';

export interface OpenOptions {
	/** the document's name, once the engine (and so the tenant) is known */
	name: (engine: SyncEngine) => string;
	/** runs once the document is loaded, and after every change to it */
	onChange: () => void;
	/** runs once, before the first `onChange` (e.g. to sign edits with the person's name) */
	onOpened?: (handle: DocHandle, engine: SyncEngine) => void;
}

/**
 * One document a page has open: acquired from the pool while the page shows
 * it, the person shown to others as viewing it, and the others viewing it.
 * The page states of one record (a customer, a ticket) read their document
 * through it.
 */
export class OpenDoc {
	handle: DocHandle | null = $state.raw(null);
	engine: SyncEngine | null = $state.raw(null);
	private presence: Presence | null = $state.raw(null);

	get viewers(): PresenceUser[] {
		return this.presence?.viewers ?? [];
	}

	/** The page's status, given whether the document holds its record yet. */
	status(hasContent: boolean): OpenStatus {
		const handle = this.handle;
		if (!handle) return 'loading';
		if (handle.state === 'forbidden' || handle.state === 'missing') return handle.state;
		if (hasContent) return 'ready';
		if (handle.state === 'synced') return 'missing';
		return handle.state === 'offline' ? 'unavailable' : 'loading';
	}

	/** Opens the document (browser only; call from an effect). Returns the function that closes it. */
	open(options: OpenOptions): () => void {
		let closed = false;
		let engine: SyncEngine | undefined;
		let handle: DocHandle | undefined;
		let unview = () => {};
		const changed = () => options.onChange();
		void (async () => {
			engine = await useSync();
			if (closed) return;
			handle = await engine.pool.acquire(options.name(engine));
			if (closed) return engine.pool.release(handle);
			options.onOpened?.(handle, engine);
			handle.doc.on('update', changed);
			unview = handle.view();
			this.handle = handle;
			this.engine = engine;
			this.presence = new Presence(handle.awareness, engine.user.id);
			options.onChange();
		})();
		return () => {
			closed = true;
			unview();
			this.presence?.stop();
			if (handle && engine) {
				handle.doc.off('update', changed);
				engine.pool.release(handle);
			}
			this.handle = null;
			this.presence = null;
		};
	}
}
