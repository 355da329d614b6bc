/**
 * What the sync status control tells: online or offline, changes not yet on
 * the server, documents syncing. SSR-safe: nothing touches `window` until
 * `connect()` runs in the browser.
 */
export class SyncStatus {
	/** the browser believes it has a network */
	online = $state(true);
	/** local changes the server has not acknowledged yet */
	pending = $state(0);
	/** documents currently exchanging updates with the server */
	syncing = $state(0);

	get label(): string {
		if (!this.online) {
			return `Offline — ${this.pending} ${this.pending === 1 ? 'change' : 'changes'} not yet on the server`;
		}
		if (this.pending > 0) return `Online — saving ${this.pending} ${this.pending === 1 ? 'change' : 'changes'}`;
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
		const update = () => (this.online = navigator.onLine);
		update();
		window.addEventListener('online', update);
		window.addEventListener('offline', update);
		return () => {
			window.removeEventListener('online', update);
			window.removeEventListener('offline', update);
		};
	}
}

/** The one status of this tab. */
export const syncStatus = new SyncStatus();
