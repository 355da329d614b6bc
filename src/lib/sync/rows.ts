import type { EntityTable } from 'dexie';
import type * as Y from 'yjs';
import { parseDocName } from '#lib/domain/documents/names.js';
import { projectCustomer, type CustomerProjection } from '#lib/domain/customer/projection.js';
import { getMeta, setMeta, type LocalDb } from './db.js';
import { repackStacks } from './packed-stacks.js';

/**
 * The row index lists read (DESIGN.md §3), filled from two sources:
 * - the server's delta feed of projected rows, pulled on start, on reconnect
 *   and every half minute;
 * - the same projection the materializer runs, applied to documents open in
 *   this browser, so an edit made offline shows in lists at once.
 * For a document this browser holds open (or that has changes the server has
 * not acknowledged) the local projection wins: the feed may still carry an
 * older version of it.
 */

type FeedRow = Record<string, unknown> & { id: string; docName: string };

/** The tables of customer documents the index keeps (the catalog and contracts are read from their documents). */
const TABLES = ['customers', 'sites', 'contacts', 'deployments', 'devices'] as const;
type IndexTable = (typeof TABLES)[number];
/** the tables a packed stack is made of (see packed-stacks.ts) */
const PACKED: IndexTable[] = ['customers', 'deployments'];

export interface FeedPage {
	tables: Partial<Record<string, FeedRow[]>>;
	cursor: string;
	more: boolean;
}

/** A customer row carries its name lower-cased, for sorting and search. */
const indexed = (table: IndexTable, row: Record<string, unknown>) => (table === 'customers' ? { ...row, nameKey: nameKey(row.name) } : row);

const CURSOR_KEY = 'feedCursor';
const PAGE_SIZE = 1000;
const PROJECT_DELAY_MS = 100;

export function nameKey(name: unknown): string {
	return String(name ?? '').toLocaleLowerCase();
}

export class RowIndex {
	/** the last pull reached the server */
	reachable = true;
	private pulling: Promise<boolean> | null = null;

	constructor(
		private readonly db: LocalDb,
		/** documents whose rows come from the local projection only */
		private readonly heldLocally: (docName: string) => boolean,
		/** documents the feed reported changed on the server (their rows changed) */
		private readonly onChanged: (docNames: string[]) => void
	) {}

	/** Pulls the feed until it has no more (one pull at a time). Resolves to whether the server answered. */
	pull(): Promise<boolean> {
		this.pulling ??= this.pullAll().finally(() => (this.pulling = null));
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
		// the packed stacks of the customers whose rows change are rewritten with them
		const repack = new Set(PACKED.flatMap((table) => (page.tables[table] ?? []).filter(keep).map((row) => row.docName)));
		await db.transaction('rw', [...TABLES.map((t) => db[t]), db.stacks, db.meta], async () => {
			for (const table of TABLES) {
				const rows = (page.tables[table] ?? []).filter(keep).map((row) => indexed(table, row));
				await (db[table] as EntityTable<FeedRow, 'id'>).bulkPut(rows as FeedRow[]);
			}
			await repackStacks(db, [...repack]);
			await setMeta(db, CURSOR_KEY, page.cursor);
		});
		this.onChanged([...new Set(TABLES.flatMap((table) => page.tables[table] ?? []).map((row) => row.docName))]);
	}

	/**
	 * Keeps the rows of an open document in step with it: once now, then after
	 * every change (batched, so typing a word is one write). Returns the unsubscribe.
	 */
	watch(docName: string, doc: Y.Doc): () => void {
		if (parseDocName(docName)?.kind !== 'customer') return () => {};
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

	/** Replaces a customer document's rows with its projection. */
	async project(docName: string, doc: Y.Doc): Promise<void> {
		// a document not loaded from anywhere yet is empty: projecting it would
		// wipe the rows the feed gave for it
		if (doc.getMap('customer').size === 0) return;
		await this.write(docName, projectCustomer(docName, doc));
	}

	private async write(docName: string, rows: CustomerProjection) {
		const db = this.db;
		await db.transaction('rw', [...TABLES.map((t) => db[t]), db.stacks], async () => {
			for (const table of TABLES) {
				await replace(db[table] as EntityTable<FeedRow, 'id'>, docName, rows[table].map((row) => indexed(table, { ...row, docName })) as FeedRow[]);
			}
			await repackStacks(db, [docName]);
		});
	}
}

/** Puts a document's rows into a table and deletes the ones it no longer has. */
async function replace<R extends { id: string; docName: string }>(table: EntityTable<R, 'id'>, docName: string, rows: R[]) {
	const ids = new Set(rows.map((row) => row.id));
	const stale = (await table.where('docName').equals(docName).primaryKeys()).filter((id) => !ids.has(id));
	await table.bulkDelete(stale);
	await table.bulkPut(rows);
}
