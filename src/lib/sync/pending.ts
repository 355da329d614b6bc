/**
 * Local changes the server has not acknowledged yet, per document, in
 * localStorage: its writes are synchronous, so a count survives a reload or a
 * closed tab even a moment after the edit (an IndexedDB write might not have
 * committed yet). Other tabs of the same browser see it through `storage`
 * events, so every tab shows the same number.
 */
export const PENDING_PREFIX = 'stackdesk:pending:';

export class PendingStore {
	private readonly listeners = new Set<() => void>();
	private readonly key: string;

	constructor(owner: string) {
		this.key = PENDING_PREFIX + owner;
	}

	get storageKey(): string {
		return this.key;
	}

	private read(): Record<string, number> {
		try {
			const value = JSON.parse(localStorage.getItem(this.key) ?? '{}') as unknown;
			return value && typeof value === 'object' ? (value as Record<string, number>) : {};
		} catch {
			return {};
		}
	}

	get(name: string): number {
		return this.read()[name] ?? 0;
	}

	set(name: string, count: number): void {
		const all = this.read();
		if ((all[name] ?? 0) === count) return;
		if (count > 0) all[name] = count;
		else delete all[name];
		localStorage.setItem(this.key, JSON.stringify(all));
		for (const listener of this.listeners) listener();
	}

	/** Documents that hold unacknowledged changes. */
	names(): string[] {
		return Object.keys(this.read());
	}

	total(): number {
		return Object.values(this.read()).reduce((sum, n) => sum + (Number(n) || 0), 0);
	}

	/** Calls `listener` when a count changes, in this tab or another. */
	subscribe(listener: () => void): () => void {
		const onStorage = (event: StorageEvent) => event.key === this.key && listener();
		this.listeners.add(listener);
		window.addEventListener('storage', onStorage);
		return () => {
			this.listeners.delete(listener);
			window.removeEventListener('storage', onStorage);
		};
	}
}

/** Forgets the counts of every person but `keep` (all of them on logout). */
export function clearOtherPending(keep?: PendingStore): void {
	for (const key of Object.keys(localStorage)) {
		if (key.startsWith(PENDING_PREFIX) && key !== keep?.storageKey) localStorage.removeItem(key);
	}
}
