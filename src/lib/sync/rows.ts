import type * as Y from 'yjs';
import { parseDocName } from '#lib/domain/documents/names.js';
import { getMeta, setMeta, type LocalDb } from './db.js';
import { CUSTOMER_ROWS } from './rows/customer-rows.js';
import { PROJECT_ROWS } from './rows/project-rows.js';
import { replaceRows, tableOf, type FeedRow, type RowKind, type TableRows } from './rows/kind.js';
import { TICKET_ROWS } from './rows/ticket-rows.js';

export { nameKey } from './rows/customer-rows.js';

/**
 * The row index lists read (DESIGN.md §3), filled from two sources:
 * - the server's delta feed of projected rows, pulled on start, on reconnect
 *   and every half minute;
 * - the same projection the materializer runs, applied to documents open in
 *   this browser, so an edit made offline shows in lists at once.
 * For a document this browser holds open (or that has changes the server has
 * not acknowledged) the local projection wins: the feed may still carry an
 * older version of it. What each document kind projects into is its RowKind
 * (rows/): customers, tickets, projects.
 */

const KINDS: readonly RowKind[] = [CUSTOMER_ROWS, TICKET_ROWS, PROJECT_ROWS];
const ALL_TABLES = [...new Set(KINDS.flatMap((kind) => [...kind.tables, ...kind.derived]))];

export interface FeedPage {
	tables: TableRows;
	cursor: string;
	more: boolean;
}

/** Documents whose rows were just written to the index (by the feed or a local projection, in any tab). */
export type RowsListener = (docNames: readonly string[]) => void;

const CURSOR_KEY = 'feedCursor';
const PAGE_SIZE = 1000;
const PROJECT_DELAY_MS = 100;

const kindOf = (docName: string) => {
	const kind = parseDocName(docName)?.kind;
	return KINDS.find((k) => k.kind === kind);
};

export class RowIndex {
	/** the last pull reached the server */
	reachable = true;
	private pulling: Promise<boolean> | null = null;
	private pullAgain = false;
	private readonly listeners = new Set<RowsListener>();
	// other tabs write the same database: their writes reach this tab's lists through the channel
	private readonly channel: BroadcastChannel | null;

	constructor(
		private readonly db: LocalDb,
		/** documents whose rows come from the local projection only */
		private readonly heldLocally: (docName: string) => boolean,
		/** documents the feed reported changed on the server (their rows changed) */
		private readonly onChanged: (docNames: string[]) => void
	) {
		this.channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(`${db.name}-rows`);
		this.channel?.addEventListener('message', (event: MessageEvent<string[]>) => this.notify(event.data, false));
	}

	/** Calls `listener` after rows are written, with their documents; returns the unsubscribe. */
	subscribe(listener: RowsListener): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	close(): void {
		this.listeners.clear();
		this.channel?.close();
	}

	/**
	 * Pulls the feed until it has no more (one pull at a time). A pull asked for
	 * while one runs comes after it: the news that asked may be newer than what
	 * the running one read. Resolves to whether the server answered.
	 */
	pull(): Promise<boolean> {
		if (this.pulling) {
			this.pullAgain = true;
			return this.pulling;
		}
		this.pulling = this.pullAll().finally(() => {
			this.pulling = null;
			if (this.pullAgain) {
				this.pullAgain = false;
				void this.pull();
			}
		});
		return this.pulling;
	}

	private async pullAll(): Promise<boolean> {
		try {
			for (;;) {
				const since = await getMeta<string>(this.db, CURSOR_KEY);
				const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
				if (since) query.set('since', since);
				const response = await fetch(`/api/v1/sync/rows?${query}`, { credentials: 'same-origin' });
				if (!response.ok) return (this.reachable = response.status < 500);
				const page = (await response.json()) as FeedPage;
				await this.apply(page);
				if (!page.more) return (this.reachable = true);
			}
		} catch {
			return (this.reachable = false);
		}
	}

	private async apply(page: FeedPage) {
		const keep = (row: FeedRow) => !this.heldLocally(row.docName);
		const db = this.db;
		const kept: TableRows = {};
		await db.transaction('rw', [...ALL_TABLES.map((t) => db.table(t)), db.meta], async () => {
			for (const kind of KINDS) {
				const written: TableRows = {};
				for (const table of kind.tables) {
					const rows = (page.tables[table] ?? []).filter(keep).map((row) => kind.store(table, row) as FeedRow);
					await tableOf(db, table).bulkPut(rows);
					written[table] = kept[table] = rows;
				}
				await kind.afterWrite?.(db, written);
			}
			await setMeta(db, CURSOR_KEY, page.cursor);
		});
		const changed = (rows: TableRows) => [...new Set(Object.values(rows).flatMap((list) => (list ?? []).map((row) => row.docName)))];
		this.onChanged(changed(page.tables));
		const written = changed(kept);
		if (written.length > 0) this.notify(written, true);
	}

	/**
	 * Keeps the rows of an open document in step with it: once now, then after
	 * every change (batched, so typing a word is one write). Returns the unsubscribe.
	 */
	watch(docName: string, doc: Y.Doc): () => void {
		if (!kindOf(docName)) return () => {};
		let timer: ReturnType<typeof setTimeout> | undefined;
		const schedule = () => {
			clearTimeout(timer);
			timer = setTimeout(() => void this.project(docName, doc), PROJECT_DELAY_MS);
		};
		doc.on('update', schedule);
		void this.project(docName, doc);
		return () => {
			clearTimeout(timer);
			doc.off('update', schedule);
		};
	}

	/** Replaces a document's rows with its projection (a document not loaded from anywhere yet is left alone). */
	async project(docName: string, doc: Y.Doc): Promise<void> {
		const kind = kindOf(docName);
		const rows = kind?.project(docName, doc);
		if (!kind || !rows) return;
		const db = this.db;
		await db.transaction('rw', [...kind.tables, ...kind.derived].map((t) => db.table(t)), async () => {
			const written: TableRows = {};
			for (const table of kind.tables) {
				written[table] = (rows[table] ?? []).map((row) => kind.store(table, { ...row, docName }) as FeedRow);
				await replaceRows(tableOf(db, table), docName, written[table]);
			}
			await kind.afterWrite?.(db, written);
		});
		this.notify([docName], true);
	}

	private notify(docNames: readonly string[], broadcast: boolean) {
		if (broadcast) this.channel?.postMessage(docNames);
		for (const listener of this.listeners) listener(docNames);
	}
}
