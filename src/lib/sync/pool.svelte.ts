import { HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { parseDocName } from '#lib/domain/documents/names.js';
import { openYDoc, type LocalDb } from './db.js';
import type { PendingStore } from './pending.js';
import { DocHandle, type PresenceUser } from './doc-handle.svelte.js';
import type { Refusal } from './refusal.js';

export interface PoolOptions {
	url: string;
	db: LocalDb;
	pending: PendingStore;
	user: PresenceUser;
	token: () => Promise<string>;
	/** how long a document nobody uses stays attached (a quick back-and-forth reuses it) */
	graceMs?: number;
	onRefused: (refusal: Refusal, handle: DocHandle) => void;
	/** runs for every document opened; what it returns runs when the document closes */
	onOpened?: (handle: DocHandle) => () => void;
}

const RETRY_DELAY_MS = 3000;

/**
 * The tab's documents over ONE websocket (DESIGN.md §3). A document stays
 * attached while something uses it (an open page, a pin) and afterwards for a
 * grace period, and never while it holds changes the server has not
 * acknowledged: those must reach the server even after the page that made
 * them is gone, or after a reload.
 */
export class ProviderPool {
	/** the socket is open */
	connected = $state(false);
	/** documents attached to the socket */
	attached = $state(0);
	/** attached documents still exchanging their first sync */
	syncing = $state(0);
	readonly socket: HocuspocusProviderWebsocket;
	private readonly handles = new Map<string, DocHandle>();
	private readonly opening = new Map<string, Promise<DocHandle>>();
	private readonly graceTimers = new Map<string, ReturnType<typeof setTimeout>>();
	private readonly cleanups = new Map<string, () => void>();
	private networkUp = true;
	private destroyed = false;

	constructor(private readonly options: PoolOptions) {
		// connects only while there is a document to sync, so an idle tab holds no socket
		this.socket = new HocuspocusProviderWebsocket({ url: options.url, autoConnect: false });
		this.socket.on('status', ({ status }: { status: string }) => (this.connected = status === 'connected'));
	}

	/** The handle of a document, loading it from IndexedDB and attaching it when needed. Pair with `release`. */
	async acquire(name: string): Promise<DocHandle> {
		const handle = this.handles.get(name) ?? (await this.open(name));
		handle.refs += 1;
		this.cancelGrace(name);
		return handle;
	}

	release(handle: DocHandle): void {
		handle.refs = Math.max(0, handle.refs - 1);
		this.maybeClose(handle);
	}

	/** Attaches every document that still holds unacknowledged changes (after a reload), until the server has them. */
	async resumePending(): Promise<void> {
		for (const name of this.options.pending.names()) {
			if (parseDocName(name)) this.release(await this.acquire(name));
			else this.options.pending.forget(name);
		}
	}

	/** Follows the browser's network: a socket to nowhere only burns retries. */
	setNetwork(up: boolean): void {
		this.networkUp = up;
		this.updateSocket();
	}

	/** The document is open (or opening) in this tab: its rows come from its local projection. */
	holds(name: string): boolean {
		return this.handles.has(name) || this.opening.has(name);
	}

	destroy(): void {
		this.destroyed = true;
		for (const timer of this.graceTimers.values()) clearTimeout(timer);
		for (const name of [...this.handles.keys()]) this.close(name);
		this.socket.destroy();
	}

	private open(name: string): Promise<DocHandle> {
		let promise = this.opening.get(name);
		if (!promise) {
			promise = this.create(name).finally(() => this.opening.delete(name));
			this.opening.set(name, promise);
		}
		return promise;
	}

	private async create(name: string): Promise<DocHandle> {
		const parsed = parseDocName(name);
		if (!parsed) throw new Error(`not a document name: ${name}`);
		const { db } = this.options;
		// the provider attaches once the local copy is loaded, so the first sync
		// exchanges only what differs instead of the whole document
		const doc = await openYDoc(db, name, parsed.kind);
		if (this.destroyed) throw new Error('sync stopped');
		const handle = new DocHandle(name, doc, {
			socket: this.socket,
			token: this.options.token,
			user: this.options.user,
			onPending: (h) => this.options.pending.set(h.name, h.pending),
			onAcknowledged: (h) => this.onAcknowledged(h),
			onRefused: (h, refusal) => this.onRefused(h, refusal),
			onState: () => this.countSyncing()
		});
		this.handles.set(name, handle);
		const cleanup = this.options.onOpened?.(handle);
		if (cleanup) this.cleanups.set(name, cleanup);
		this.attached = this.handles.size;
		this.updateSocket();
		this.countSyncing();
		return handle;
	}

	private onAcknowledged(handle: DocHandle) {
		this.options.pending.acknowledged(handle.name, handle.caughtUpAt);
		this.maybeClose(handle);
	}

	private onRefused(handle: DocHandle, refusal: Refusal) {
		if (refusal === 'retry') {
			// the token request failed while the socket was open: reopen the socket
			// later, which asks every document's provider for a token again
			setTimeout(() => this.socket.webSocket?.close(), RETRY_DELAY_MS);
			return;
		}
		// a document the server will never take: its changes cannot be sent, and
		// counting them forever would hide every other number
		if (refusal === 'forbidden' || refusal === 'missing') this.options.pending.forget(handle.name);
		this.options.onRefused(refusal, handle);
		this.maybeClose(handle);
	}

	// unsent changes of any page (a closed one, another tab) keep the document
	// here: this page's copy holds them too, and sends them
	private maybeClose(handle: DocHandle) {
		if (handle.refs > 0 || (!handle.refused && this.options.pending.get(handle.name) > 0)) return;
		if (this.graceTimers.has(handle.name) || this.handles.get(handle.name) !== handle) return;
		this.graceTimers.set(
			handle.name,
			setTimeout(() => this.close(handle.name), this.options.graceMs ?? 30_000)
		);
	}

	private cancelGrace(name: string) {
		clearTimeout(this.graceTimers.get(name));
		this.graceTimers.delete(name);
	}

	private close(name: string) {
		this.cancelGrace(name);
		const handle = this.handles.get(name);
		if (!handle) return;
		this.handles.delete(name);
		this.cleanups.get(name)?.();
		this.cleanups.delete(name);
		handle.destroy();
		this.attached = this.handles.size;
		this.updateSocket();
		this.countSyncing();
	}

	private updateSocket() {
		const want = this.networkUp && this.handles.size > 0 && !this.destroyed;
		if (want && !this.socket.shouldConnect) void this.socket.connect();
		else if (!want && this.socket.shouldConnect) this.socket.disconnect();
	}

	private countSyncing() {
		let n = 0;
		for (const handle of this.handles.values()) if (handle.state === 'syncing') n += 1;
		this.syncing = n;
	}
}
