import type * as Y from 'yjs';
import { docName, type DocKind } from '#lib/domain/documents/names.js';
import { initMeta } from '#lib/domain/documents/shape.js';
import type { DocHandle, DocState } from './doc-handle.svelte.js';
import type { ProviderPool } from './pool.svelte.js';

// reading a whole tenant document again on every keystroke of a co-editor is wasted work
const REPROJECT_MS = 50;

/**
 * A tenant-wide document (the catalog, the contracts) that stays attached while
 * the person is signed in (DESIGN.md §3: "kept attached"), with its projection
 * — the same rows the server's tables hold — kept current for pages to read.
 * Pages edit through `transact`; the document saves and syncs on its own.
 */
export class SharedDoc<P> {
	/** the projected rows; null until the document is loaded */
	rows: P | null = $state.raw(null);
	private handle: DocHandle | null = $state.raw(null);
	private timer: ReturnType<typeof setTimeout> | undefined;

	constructor(
		readonly kind: Extract<DocKind, 'catalog' | 'contracts'>,
		private readonly project: (doc: Y.Doc) => P
	) {}

	/** where the document stands with the server */
	get state(): DocState | null {
		return this.handle?.state ?? null;
	}

	/** the server lets this person read but not change it */
	get readOnly(): boolean {
		return this.handle?.readOnly ?? false;
	}

	/**
	 * Attaches the document for as long as the engine runs; returns the function
	 * that lets it go. `onSignal` hears the server's stateless messages on it.
	 */
	start(pool: ProviderPool, tenantId: string, onSignal?: (payload: string) => void): () => void {
		let stopped = false;
		let handle: DocHandle | undefined;
		let unsignal = () => {};
		const schedule = () => {
			clearTimeout(this.timer);
			this.timer = setTimeout(() => this.refresh(), REPROJECT_MS);
		};
		void pool.acquire(docName(tenantId, this.kind)).then((acquired) => {
			if (stopped) return pool.release(acquired);
			handle = acquired;
			this.handle = acquired;
			if (onSignal) unsignal = acquired.onStateless(onSignal);
			acquired.doc.on('update', schedule);
			this.refresh();
		});
		return () => {
			stopped = true;
			clearTimeout(this.timer);
			if (!handle) return;
			unsignal();
			handle.doc.off('update', schedule);
			pool.release(handle);
			this.handle = null;
		};
	}

	/** Makes changes as one update (one undo step for co-editors, one message to the server). */
	transact(edit: (doc: Y.Doc) => void): void {
		const doc = this.handle?.doc;
		if (!doc) throw new Error(`the ${this.kind} is not loaded yet`);
		doc.transact(() => {
			initMeta(doc, this.kind);
			edit(doc);
		});
	}

	private refresh() {
		if (this.handle) this.rows = this.project(this.handle.doc);
	}
}
