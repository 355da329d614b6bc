import type { EntityTable } from 'dexie';
import { parseDocName, type DocKind } from '#lib/domain/documents/names.js';
import type { RowIndex } from '../rows.js';

// a feed page or a burst of keystrokes is one read of the changed documents, not one per write
const BATCH_MS = 30;

/**
 * One table of the row index held in memory, for lists that filter and sort
 * every row on each keystroke (20,000 tickets). It reads the table once, then
 * only the rows of documents the index reports written (in this tab or
 * another). Rows of unchanged documents keep their identity, so caches keyed
 * by row (search text, SLA readings) stay valid.
 */
export class RowCache<R extends { id: string; docName: string }> {
	rows: readonly R[] = $state.raw([]);
	/** the table has been read once (an empty list is really empty) */
	loaded = $state(false);
	private readonly byDoc = new Map<string, R[]>();
	private readonly dirty = new Set<string>();
	private timer: ReturnType<typeof setTimeout> | undefined;
	private reading: Promise<void> | null = null;
	private stopped = false;

	constructor(
		private readonly table: EntityTable<R, 'id'>,
		private readonly kind: DocKind
	) {}

	/** Reads the table and follows the index; returns the function that stops. */
	start(index: RowIndex): () => void {
		const unsubscribe = index.subscribe((names) => {
			for (const name of names) if (parseDocName(name)?.kind === this.kind) this.dirty.add(name);
			if (this.dirty.size > 0) this.schedule();
		});
		this.reading = this.loadAll().finally(() => (this.reading = null));
		return () => {
			this.stopped = true;
			clearTimeout(this.timer);
			unsubscribe();
		};
	}

	private async loadAll() {
		const all = await this.table.toArray();
		if (this.stopped) return;
		for (const row of all) this.add(row);
		this.rows = all;
		this.loaded = true;
		if (this.dirty.size > 0) this.schedule();
	}

	private add(row: R) {
		const list = this.byDoc.get(row.docName);
		if (list) list.push(row);
		else this.byDoc.set(row.docName, [row]);
	}

	private schedule() {
		clearTimeout(this.timer);
		this.timer = setTimeout(() => void this.refresh(), BATCH_MS);
	}

	private async refresh() {
		// the first read must land first (it would overwrite newer rows); it looks at `dirty` when done
		if (this.reading) return;
		const names = [...this.dirty];
		this.dirty.clear();
		const fresh = await this.table.where('docName').anyOf(names).toArray();
		if (this.stopped) return;
		for (const name of names) this.byDoc.delete(name);
		for (const row of fresh) this.add(row);
		this.rows = [...this.byDoc.values()].flat();
	}
}
