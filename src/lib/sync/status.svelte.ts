/** Something the person must act on before sync can go on. */
export type SyncProblem = 'signed-out' | 'reload';

/**
 * What the sync status control tells: online or offline, changes not yet on
 * the server, documents syncing. SSR-safe: nothing touches `window` until
 * `connect()` runs in the browser. The sync engine feeds it the numbers.
 */
export class SyncStatus {
	/** the browser believes it has a network */
	network = $state(true);
	/** the server answered lately (the socket is open, or the last feed pull worked) */
	reachable = $state(true);
	/** local changes the server has not acknowledged yet */
	pending = $state(0);
	/** documents currently exchanging updates with the server */
	syncing = $state(0);
	problem: SyncProblem | null = $state(null);

	get online(): boolean {
		return this.network && this.reachable;
	}

	get label(): string {
		const changes = `${this.pending} ${this.pending === 1 ? 'change' : 'changes'}`;
		if (!this.online) return `Offline — ${changes} not yet on the server`;
		if (this.pending > 0) return `Online — saving ${changes}`;
		if (this.syncing > 0) return `Online — syncing ${this.syncing} ${this.syncing === 1 ? 'document' : 'documents'}`;
		return 'Online — all changes saved';
	}

	/** 'online' | 'offline' | 'syncing', for colouring */
	get state(): 'online' | 'offline' | 'syncing' {
		if (!this.online) return 'offline';
		return this.pending > 0 || this.syncing > 0 ? 'syncing' : 'online';
	}

	/** Follows the browser's online/offline events; returns the function that stops it. */
	connect(): () => void {
		if (typeof window === 'undefined') return () => {};
		const update = () => (this.network = navigator.onLine);
		update();
		window.addEventListener('online', update);
		window.addEventListener('offline', update);
		return () => {
			window.removeEventListener('online', update);
			window.removeEventListener('offline', update);
		};
	}

	/** Back to the state of a tab that has synced nothing (after logout). */
	reset(): void {
		this.reachable = true;
		this.pending = 0;
		this.syncing = 0;
		this.problem = null;
	}
}

/** The one status of this tab. */
export const syncStatus = new SyncStatus();
