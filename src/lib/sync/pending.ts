import { v7 as uuidv7 } from 'uuid';

/**
 * Local changes the server has not acknowledged yet, per document, in
 * localStorage: its writes are synchronous, so a count survives a reload or a
 * closed tab even a moment after the edit (an IndexedDB write might not have
 * committed yet). Other tabs of the same browser see it through `storage`
 * events, so every tab shows the same number.
 *
 * Every page writes its own entry per document (its id, its count, when it
 * wrote it), and the number shown is the sum: two tabs editing one document
 * no longer overwrite each other's count. A page's id lives as long as the
 * page. The entry of a closed or reloaded page stays until an acknowledgement
 * clears it, and until then it keeps the document attached at the next start
 * (`ProviderPool.resumePending`). sessionStorage would keep the id across a
 * reload, but a duplicated tab copies it, and two live pages would share one
 * entry again.
 */
export const PENDING_PREFIX = 'stackdesk:pending:';

interface Entry {
	/** changes */
	n: number;
	/** when this page last wrote the count (ms since the epoch) */
	at: number;
}

/** document name → page id → entry */
type Counts = Record<string, Record<string, Entry>>;

export interface PendingStoreOptions {
	/** where the counts live (localStorage in the browser) */
	storage?: Storage;
	/** this page's id */
	page?: string;
}

export class PendingStore {
	readonly storageKey: string;
	private readonly listeners = new Set<() => void>();
	private readonly storage: Storage;
	private readonly page: string;

	constructor(owner: string, options: PendingStoreOptions = {}) {
		this.storageKey = PENDING_PREFIX + owner;
		this.storage = options.storage ?? localStorage;
		this.page = options.page ?? uuidv7();
	}

	/** Unsent changes of a document, from every page. */
	get(name: string): number {
		return sum(this.read()[name]);
	}

	/** This page's count of unsent changes of a document. */
	set(name: string, count: number): void {
		this.change((all) => {
			const pages = all[name] ?? {};
			if ((pages[this.page]?.n ?? 0) === count) return false;
			if (count > 0) pages[this.page] = { n: count, at: Date.now() };
			else delete pages[this.page];
			all[name] = pages;
			return true;
		});
	}

	/**
	 * The server acknowledged everything this page's copy of a document holds.
	 * That copy was loaded from IndexedDB and takes in what other pages store
	 * there; `caughtUpAt` is the last time it did. Every page stores its changes
	 * in IndexedDB, so the changes counted by entries written before then are in
	 * this copy, and on the server now: this is how a closed page's entry
	 * drains, as that page never will. An entry written later stays until its
	 * change reaches a copy that is acknowledged.
	 *
	 * A page counts a change at once and IndexedDB stores it a moment later, so
	 * an entry written in that moment before `caughtUpAt` may be cleared a moment
	 * early. Only the number is early: the change is in IndexedDB, this copy
	 * takes it in and sends it, and the page that made it, while open, counts
	 * its next change again and is acknowledged itself.
	 */
	acknowledged(name: string, caughtUpAt: number): void {
		this.change((all) => {
			const drained = Object.entries(all[name] ?? {}).filter(([page, entry]) => page === this.page || entry.at <= caughtUpAt);
			for (const [page] of drained) delete all[name][page];
			return drained.length > 0;
		});
	}

	/** Forgets every page's count of a document whose changes can never be sent. */
	forget(name: string): void {
		this.change((all) => name in all && delete all[name]);
	}

	/** Documents that hold unacknowledged changes, in any page. */
	names(): string[] {
		return Object.keys(this.read());
	}

	total(): number {
		return Object.values(this.read()).reduce((total, pages) => total + sum(pages), 0);
	}

	/** Calls `listener` when a count changes, in this tab or another. */
	subscribe(listener: () => void): () => void {
		const onStorage = (event: StorageEvent) => event.key === this.storageKey && listener();
		this.listeners.add(listener);
		window.addEventListener('storage', onStorage);
		return () => {
			this.listeners.delete(listener);
			window.removeEventListener('storage', onStorage);
		};
	}

	// read, edit and write back in one synchronous step: no other tab runs in between
	private change(edit: (all: Counts) => boolean) {
		const all = this.read();
		if (!edit(all)) return;
		for (const [name, pages] of Object.entries(all)) if (Object.keys(pages).length === 0) delete all[name];
		this.storage.setItem(this.storageKey, JSON.stringify(all));
		for (const listener of this.listeners) listener();
	}

	// whatever else is stored under the key (another version, a hand edit) counts as nothing
	private read(): Counts {
		try {
			const value = JSON.parse(this.storage.getItem(this.storageKey) ?? '{}') as unknown;
			return isRecord(value) ? (Object.fromEntries(Object.entries(value).filter(([, pages]) => isPages(pages))) as Counts) : {};
		} catch {
			return {};
		}
	}
}

function sum(pages: Record<string, Entry> | undefined): number {
	return Object.values(pages ?? {}).reduce((total, entry) => total + entry.n, 0);
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPages(value: unknown): value is Record<string, Entry> {
	return isRecord(value) && Object.values(value).every((e) => isRecord(e) && Number.isFinite(e.n) && Number.isFinite(e.at));
}

/** Forgets the counts of every person but `keep` (all of them on logout). */
export function clearOtherPending(keep?: PendingStore): void {
	for (const key of Object.keys(localStorage)) {
		if (key.startsWith(PENDING_PREFIX) && key !== keep?.storageKey) localStorage.removeItem(key);
	}
}
