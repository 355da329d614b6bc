import { projectCatalog } from '#lib/domain/catalog/projection.js';
import { ROWS_SIGNAL } from '#lib/domain/documents/names.js';
import { projectContracts } from '#lib/domain/contracts/projection.js';
import { SCHEMA_VERSION } from '#lib/domain/documents/shape.js';
import { doneStatuses, readServiceDesk } from '#lib/domain/servicedesk/read.js';
import { dbName, deleteOtherDbs, getMeta, openDb, setMeta, type LocalDb } from './db.js';
import type { PresenceUser } from './doc-handle.svelte.js';
import { PAGES_CACHE, SHELL_PAGES, WARM_MESSAGE, type WarmMessage } from './offline-shell.js';
import { clearOtherPending, PendingStore } from './pending.js';
import { PinKeeper } from './pin-keeper.svelte.js';
import { PinStore } from './pins.svelte.js';
import { ProviderPool } from './pool.svelte.js';
import { RowIndex } from './rows.js';
import { SharedDoc } from './shared-doc.svelte.js';
import { syncStatus } from './status.svelte.js';
import { keepMyTickets } from './tickets/keep-mine.js';
import { keepRecentWeeks } from './timesheets/weeks.js';
import { forgetToken, syncToken } from './token.js';

/** Who is signed in, as the (app) layout knows it. */
export interface Session {
	user: { id: string; name: string; email: string };
	/** `timeZone`: the company's, where weeks and days are counted */
	tenant: { id: string; name: string; timeZone?: string };
}

const FEED_INTERVAL_MS = 30_000;
// a socket that stays down this long while it should be up means the server is out of reach
const UNREACHABLE_AFTER_MS = 5_000;
const WARM_DELAY_MS = 3_000;
const COLORS = ['#2563eb', '#c026d3', '#059669', '#d97706', '#dc2626', '#7c3aed', '#0891b2', '#4d7c0f'];

export function colorFor(id: string): string {
	let hash = 0;
	for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
	return COLORS[hash % COLORS.length];
}

/**
 * The browser half of sync for one signed-in person: the local database, the
 * document pool over one socket, the row index, and the status they report.
 */
export class SyncEngine {
	readonly db: LocalDb;
	readonly pending: PendingStore;
	readonly pool: ProviderPool;
	readonly rows: RowIndex;
	/** the documents kept offline, and what keeps them here */
	readonly offline: PinKeeper;
	/** the tenant's catalog (the stack, vendors, vendor contracts) and customer contracts, always attached */
	readonly catalog = new SharedDoc('catalog', projectCatalog);
	readonly contracts = new SharedDoc('contracts', projectContracts);
	/** the service desk's settings (queues, statuses, types, SLA policies, rules), read from the same catalog */
	readonly desk = new SharedDoc('catalog', readServiceDesk);
	readonly user: PresenceUser;
	private readonly stops: (() => void)[] = [];
	private unreachableTimer: ReturnType<typeof setTimeout> | undefined;
	private stopped = false;

	constructor(readonly session: Session) {
		this.db = openDb(session.tenant.id, session.user.id);
		this.pending = new PendingStore(dbName(session.tenant.id, session.user.id));
		this.user = { id: session.user.id, name: session.user.name, color: colorFor(session.user.id) };
		const { protocol, host } = window.location;
		this.pool = new ProviderPool({
			// the server refuses a client built for another document shape ("please-reload")
			url: `${protocol === 'https:' ? 'wss' : 'ws'}://${host}/collab?schemaVersion=${SCHEMA_VERSION}`,
			db: this.db,
			pending: this.pending,
			user: this.user,
			token: syncToken,
			onRefused: (refusal) => {
				if (refusal === 'signed-out') forgetToken();
				if (refusal === 'signed-out' || refusal === 'reload') syncStatus.problem = refusal;
			},
			onOpened: (handle) => this.rows.watch(handle.name, handle.doc)
		});
		this.offline = new PinKeeper(this.pool, new PinStore(this.db));
		this.rows = new RowIndex(
			this.db,
			(name) => this.pool.holds(name),
			(names) => this.offline.changed(names)
		);
	}

	start(): void {
		void this.forgetOthers();
		void this.askPersistence();
		this.followNetwork();
		this.followSocket();
		this.followPending();
		this.keepPinned();
		const tenantId = this.session.tenant.id;
		// the server says on the catalog when rows changed (a ticket someone else made): pull now, not at the next poll
		const onSignal = (payload: string) => payload === ROWS_SIGNAL && void this.pull();
		this.stops.push(this.catalog.start(this.pool, tenantId, onSignal), this.contracts.start(this.pool, tenantId), this.desk.start(this.pool, tenantId));
		// documents with changes from before a reload go first, so the feed cannot
		// overwrite their rows with the server's older version
		void this.pool
			.resumePending()
			.catch((error) => console.warn('sync: could not resume documents with unsent changes', error))
			.then(() => this.pull());
		const feed = setInterval(() => navigator.onLine && void this.pull(), FEED_INTERVAL_MS);
		const warm = setTimeout(() => void warmShell(), WARM_DELAY_MS);
		this.stops.push(() => clearInterval(feed), () => clearTimeout(warm));
	}

	stop(): void {
		this.stopped = true;
		this.offline.stop();
		clearTimeout(this.unreachableTimer);
		for (const stop of this.stops.splice(0)) stop();
		this.pool.destroy();
		this.rows.close();
		this.db.close();
	}

	/** Runs `stop` when sync stops (sign-out, another person): for state that lives as long as the engine. */
	onStop(stop: () => void): void {
		if (this.stopped) stop();
		else this.stops.push(stop);
	}

	async pull(): Promise<void> {
		const answered = await this.rows.pull();
		if (this.stopped) return;
		// with documents attached the socket is the better witness; without, the feed is the only one
		if (answered || this.pool.attached === 0) this.setReachable(answered);
	}

	private setReachable(reachable: boolean) {
		clearTimeout(this.unreachableTimer);
		this.unreachableTimer = undefined;
		syncStatus.reachable = reachable;
	}

	// a shared computer: whoever used it before without logging out leaves nothing behind
	private async forgetOthers() {
		clearOtherPending(this.pending);
		const deleted = await deleteOtherDbs(dbName(this.session.tenant.id, this.session.user.id));
		if (deleted > 0 && typeof caches !== 'undefined') await caches.delete(PAGES_CACHE);
	}

	// the first sign-in on a device asks the browser not to evict offline data under storage pressure
	private async askPersistence() {
		if (await getMeta(this.db, 'persistenceAsked')) return;
		await navigator.storage?.persist?.().catch(() => false);
		await setMeta(this.db, 'persistenceAsked', true);
	}

	private followNetwork() {
		const update = () => {
			this.pool.setNetwork(navigator.onLine);
			if (navigator.onLine) void this.pull();
		};
		update();
		window.addEventListener('online', update);
		window.addEventListener('offline', update);
		this.stops.push(() => {
			window.removeEventListener('online', update);
			window.removeEventListener('offline', update);
		});
	}

	private followSocket() {
		const onStatus = ({ status }: { status: string }) => {
			if (status === 'connected') {
				this.setReachable(true);
			} else if (status === 'disconnected' && this.pool.attached > 0 && navigator.onLine) {
				this.unreachableTimer ??= setTimeout(() => {
					this.unreachableTimer = undefined;
					if (!this.pool.connected) syncStatus.reachable = false;
				}, UNREACHABLE_AFTER_MS);
			}
		};
		// a reconnect may follow a long gap: catch the row index up at once
		const onConnect = () => void this.pull();
		this.pool.socket.on('status', onStatus);
		this.pool.socket.on('connect', onConnect);
		const syncing = $effect.root(() => {
			$effect(() => {
				syncStatus.syncing = this.pool.syncing;
			});
		});
		this.stops.push(syncing, () => {
			this.pool.socket.off('status', onStatus);
			this.pool.socket.off('connect', onConnect);
		});
	}

	private keepPinned() {
		this.stops.push(this.offline.pins.start());
		void this.offline.start().catch((error) => console.warn('sync: could not attach the documents kept offline', error));
		// a tech's tickets (assigned, or on their days) are there when the signal is not
		const desk = this.desk;
		this.stops.push(
			keepMyTickets({ db: this.db, rows: this.rows, keeper: this.offline, userId: this.session.user.id, done: () => (desk.rows ? doneStatuses(desk.rows) : null) }),
			// and so are this week's and last week's timesheets, to log time into offline
			keepRecentWeeks(this)
		);
	}

	// the stored counts cover every tab of this browser and survive a reload
	private followPending() {
		const update = () => (syncStatus.pending = this.pending.total());
		update();
		this.stops.push(this.pending.subscribe(update));
	}
}

/** Asks the service worker to save the shell pages, so they open offline before they were visited. */
async function warmShell(): Promise<void> {
	const registration = await navigator.serviceWorker?.ready;
	const message: WarmMessage = { type: WARM_MESSAGE, urls: SHELL_PAGES };
	registration?.active?.postMessage(message);
}

let engine: SyncEngine | null = null;
let resolveEngine: (engine: SyncEngine) => void = () => {};
let engineReady = new Promise<SyncEngine>((resolve) => (resolveEngine = resolve));

/** Stops the running engine; whoever asks for one next waits for the next start. */
function stopEngine() {
	if (!engine) return;
	engine.stop();
	engine = null;
	engineReady = new Promise((resolve) => (resolveEngine = resolve));
}

/** Starts sync for the signed-in person (browser only); returns the function that stops it. */
export function startSync(session: Session): () => void {
	stopEngine();
	forgetToken();
	syncStatus.reset();
	const started = new SyncEngine(session);
	engine = started;
	started.start();
	resolveEngine(started);
	return () => {
		if (engine === started) stopEngine();
	};
}

/** The running engine, once the (app) layout has started it. */
export function useSync(): Promise<SyncEngine> {
	return engine ? Promise.resolve(engine) : engineReady;
}

/**
 * Logging out leaves nothing of the person on this device: documents, rows,
 * pending changes and the saved pages (which embed their name) are deleted.
 */
export async function wipeLocalData(): Promise<void> {
	stopEngine();
	forgetToken();
	syncStatus.reset();
	clearOtherPending();
	await deleteOtherDbs();
	if (typeof caches !== 'undefined') await caches.delete(PAGES_CACHE);
}
