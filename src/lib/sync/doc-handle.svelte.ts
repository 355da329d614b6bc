import { HocuspocusProvider, type HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { DexieYProvider } from 'y-dexie';
import type * as Y from 'yjs';
import { classifyRefusal, type Refusal } from './refusal.js';

/** Where one document stands with the server. */
export type DocState = 'offline' | 'syncing' | 'synced' | 'forbidden' | 'missing';

/** The signed-in person as other viewers see them (the server rewrites it to the authenticated user). */
export interface PresenceUser {
	id: string;
	name: string;
	color: string;
}

export interface DocHandleOptions {
	socket: HocuspocusProviderWebsocket;
	token: () => Promise<string>;
	user: PresenceUser;
	/** this page's count of unsent changes went up */
	onPending: (handle: DocHandle) => void;
	/** the server has everything this copy holds */
	onAcknowledged: (handle: DocHandle) => void;
	onRefused: (handle: DocHandle, refusal: Refusal) => void;
	onState: (handle: DocHandle) => void;
}

// Keystrokes in one field arrive as many Yjs updates; people count edits, so
// local updates closer together than this are one change.
const CHANGE_WINDOW_MS = 1000;

/**
 * One open document: its Y.Doc (kept in IndexedDB by y-dexie) and its
 * Hocuspocus provider over the tab's shared socket, with the count of local
 * changes the server has not acknowledged yet.
 */
export class DocHandle {
	state: DocState = $state('offline');
	/** local changes made in this page that the server has not acknowledged */
	pending = $state(0);
	/** the server lets this person read the document but not change it (their role) */
	readOnly = $state(false);
	readonly provider: HocuspocusProvider;
	/** users of this handle (open pages, pins); the pool detaches it when none is left */
	refs = 0;
	/**
	 * The last time this copy took in everything other pages had stored in
	 * IndexedDB: when it was loaded (just before this handle), and whenever
	 * their updates arrive through y-dexie (see `PendingStore.acknowledged`).
	 */
	caughtUpAt = Date.now();
	private readonly settling: ((state: DocState) => void)[] = [];
	private lastLocalAt = 0;
	private viewers = 0;

	constructor(
		readonly name: string,
		readonly doc: Y.Doc,
		private readonly options: DocHandleOptions
	) {
		// the pool connects the socket for a new document unless the browser is offline
		this.state = navigator.onLine ? 'syncing' : 'offline';
		this.provider = new HocuspocusProvider({
			name,
			document: doc,
			websocketProvider: options.socket,
			token: options.token
		});
		// a socket that is already open does not announce itself again to a new provider
		this.provider.on('open', () => !this.refused && this.setState('syncing'));
		this.provider.on('status', ({ status }: { status: string }) => {
			if (this.refused) return;
			// connecting counts as syncing: "offline" tells the page the server is out of reach
			this.setState(status === 'disconnected' ? 'offline' : 'syncing');
		});
		this.provider.on('synced', () => !this.refused && this.setState('synced'));
		this.provider.on('authenticated', ({ scope }: { scope: string }) => (this.readOnly = scope === 'readonly'));
		this.provider.on('unsyncedChanges', ({ number }: { number: number }) => {
			// the provider only counts down on the server's acknowledgement, and it
			// counts the first sync's reply, which carries whatever the server lacks
			// of this copy: zero means everything this copy holds is stored there
			if (number !== 0) return;
			this.pending = 0;
			options.onAcknowledged(this);
		});
		this.provider.on('authenticationFailed', ({ reason }: { reason: string }) => {
			const refusal = classifyRefusal(reason);
			console.warn(`sync: the server refused ${name}: ${reason}`);
			if (refusal === 'forbidden' || refusal === 'missing') this.setState(refusal);
			options.onRefused(this, refusal);
		});
		doc.on('update', this.onUpdate);
		this.provider.attach();
	}

	get refused(): boolean {
		return this.state === 'forbidden' || this.state === 'missing';
	}

	get awareness() {
		return this.provider.awareness;
	}

	/** Follows the server's stateless messages on this document (no content, only news); returns the unsubscribe. */
	onStateless(listener: (payload: string) => void): () => void {
		const handler = ({ payload }: { payload: string }) => listener(payload);
		this.provider.on('stateless', handler);
		return () => this.provider.off('stateless', handler);
	}

	/**
	 * Shows the signed-in person to others as viewing this document until the
	 * returned function runs. A document stays attached after its page closed
	 * (grace period, unsent changes); presence must not outlive the page. Leaving
	 * is a state with `viewing: false`, not a removed state: the server forwards
	 * states it rewrote, and a removal has nothing to rewrite.
	 */
	view(): () => void {
		this.viewers += 1;
		if (this.viewers === 1) this.awareness?.setLocalState({ user: this.options.user, viewing: true });
		let done = false;
		return () => {
			if (done) return;
			done = true;
			this.viewers -= 1;
			if (this.viewers === 0) this.awareness?.setLocalState({ user: this.options.user, viewing: false });
		};
	}

	/** Resolves once the server's copy has been merged into this one, or the server refused the document (or the handle closed). */
	settled(): Promise<DocState> {
		if (this.state === 'synced' || this.refused) return Promise.resolve(this.state);
		return new Promise((resolve) => this.settling.push(resolve));
	}

	private setState(state: DocState) {
		if (this.state === state) return;
		this.state = state;
		this.options.onState(this);
		if (state === 'synced' || this.refused) for (const resolve of this.settling.splice(0)) resolve(state);
	}

	// updates from the server (origin: the provider) and from other tabs
	// through IndexedDB (origin: y-dexie) are not this tab's changes
	private onUpdate = (_update: Uint8Array, origin: unknown) => {
		if (origin instanceof DexieYProvider) this.caughtUpAt = Date.now();
		if (origin === this.provider || origin instanceof DexieYProvider) return;
		const now = Date.now();
		if (now - this.lastLocalAt > CHANGE_WINDOW_MS || this.pending === 0) this.pending += 1;
		this.lastLocalAt = now;
		this.options.onPending(this);
	};

	/** Detaches from the socket and releases the Y.Doc (y-dexie destroys it when no one else holds it). */
	destroy(): void {
		for (const resolve of this.settling.splice(0)) resolve(this.state);
		this.doc.off('update', this.onUpdate);
		this.provider.destroy();
		DexieYProvider.release(this.doc);
	}
}
