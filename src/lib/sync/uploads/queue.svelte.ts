import { liveQuery } from 'dexie';
import { SvelteMap } from 'svelte/reactivity';
import type { LocalDb, UploadRecord } from '../db.js';
import { putFile, type PutAnswer } from './put.js';
import { outcomeOf, permanentMessage, retryDelay } from './rules.js';

/** Where one attachment's bytes stand, as far as this device knows. */
export type UploadState =
	| { state: 'waiting'; retrying: boolean }
	| { state: 'uploading'; progress: number }
	| { state: 'uploaded' }
	| { state: 'failed'; error: string };

// a couple at a time: a phone on a site link should not stall on ten photos at once
const PARALLEL = 2;
// another tab holds the upload: look again after a while in case that tab went away
const LOCKED_RETRY_MS = 10_000;

/**
 * The contract documents this device still owes the server. Each file's
 * bytes wait in IndexedDB (so a reload or a day offline loses nothing) and
 * go out with `PUT /api/v1/files/{fileId}` whenever the browser is online,
 * retried with backoff; an answer that would not change on retry marks the
 * file failed for the person to remove. Tabs share the table and take a
 * Web Lock per file, so one file is sent by one tab at a time.
 */
export class UploadQueue {
	private readonly states = new SvelteMap<string, UploadState>();
	private queued: UploadRecord[] = [];
	private readonly sending = new Set<string>();
	private readonly retries = new Map<string, { attempt: number; timer?: ReturnType<typeof setTimeout> }>();
	private stopped = false;
	private stops: (() => void)[] = [];

	constructor(private readonly db: LocalDb) {}

	/** This device's knowledge of a file's upload; null when it never queued it (uploaded elsewhere). */
	stateOf(fileId: string): UploadState | null {
		return this.states.get(fileId) ?? null;
	}

	start(): void {
		const subscription = liveQuery(() => this.db.uploads.toArray()).subscribe({
			next: (rows) => this.take(rows),
			error: () => this.stop()
		});
		// back online: every waiting file goes at once rather than at the end of its backoff
		const online = () => {
			for (const retry of this.retries.values()) clearTimeout(retry.timer);
			this.retries.clear();
			this.pump();
		};
		window.addEventListener('online', online);
		this.stops.push(() => subscription.unsubscribe(), () => window.removeEventListener('online', online));
	}

	/** Keeps a file's bytes until the server has them, and starts sending them if it can. */
	async add(fileId: string, name: string, blob: Blob): Promise<void> {
		this.states.set(fileId, { state: 'waiting', retrying: false });
		await this.db.uploads.put({ fileId, name, blob, queuedAt: new Date().toISOString(), error: null });
	}

	/** Forgets a file this device still owed (its attachment was removed). */
	async discard(fileId: string): Promise<void> {
		clearTimeout(this.retries.get(fileId)?.timer);
		this.retries.delete(fileId);
		this.states.delete(fileId);
		await this.db.uploads.delete(fileId);
	}

	private stop() {
		this.stopped = true;
		for (const stop of this.stops.splice(0)) stop();
		for (const retry of this.retries.values()) clearTimeout(retry.timer);
	}

	private take(rows: UploadRecord[]) {
		this.queued = rows;
		const owed = new Set(rows.map((row) => row.fileId));
		for (const row of rows) {
			if (row.error) this.states.set(row.fileId, { state: 'failed', error: row.error });
			else if (!this.sending.has(row.fileId)) this.states.set(row.fileId, { state: 'waiting', retrying: this.retries.has(row.fileId) });
		}
		// gone from the table while owed: this tab or another has sent it
		for (const [fileId, known] of this.states) {
			if (!owed.has(fileId) && (known.state === 'waiting' || known.state === 'uploading')) this.states.set(fileId, { state: 'uploaded' });
		}
		this.pump();
	}

	private pump() {
		if (this.stopped) return;
		if (this.db.hasBeenClosed()) return this.stop();
		if (!navigator.onLine) return;
		for (const row of this.queued) {
			if (this.sending.size >= PARALLEL) return;
			if (!row.error && !this.sending.has(row.fileId) && !this.retries.get(row.fileId)?.timer) void this.send(row);
		}
	}

	private async send(row: UploadRecord) {
		this.sending.add(row.fileId);
		try {
			const upload = async () => {
				this.states.set(row.fileId, { state: 'uploading', progress: 0 });
				const answer = await putFile(row.fileId, row.name, row.blob, (progress) => this.states.set(row.fileId, { state: 'uploading', progress }));
				await this.settle(row, answer);
				return true;
			};
			// Web Locks exist only in secure contexts; without them two tabs may both send, which the server takes as a retry
			const sent = navigator.locks
				? await navigator.locks.request(`stackdesk-upload-${row.fileId}`, { ifAvailable: true }, (lock) => (lock ? upload() : false))
				: await upload();
			if (!sent) this.later(row.fileId, LOCKED_RETRY_MS);
		} finally {
			this.sending.delete(row.fileId);
		}
		this.pump();
	}

	private async settle(row: UploadRecord, answer: PutAnswer) {
		const outcome = outcomeOf(answer.status);
		if (outcome === 'done') {
			this.retries.delete(row.fileId);
			this.states.set(row.fileId, { state: 'uploaded' });
			await this.db.uploads.delete(row.fileId);
		} else if (outcome === 'permanent') {
			const error = permanentMessage(answer.status, answer.message);
			this.states.set(row.fileId, { state: 'failed', error });
			await this.db.uploads.update(row.fileId, { error });
		} else {
			const attempt = (this.retries.get(row.fileId)?.attempt ?? 0) + 1;
			this.later(row.fileId, retryDelay(attempt), attempt);
			this.states.set(row.fileId, { state: 'waiting', retrying: true });
		}
	}

	private later(fileId: string, delayMs: number, attempt = this.retries.get(fileId)?.attempt ?? 0) {
		const timer = setTimeout(() => {
			this.retries.set(fileId, { attempt });
			this.pump();
		}, delayMs);
		this.retries.set(fileId, { attempt, timer });
	}
}

const queues = new WeakMap<LocalDb, UploadQueue>();

/**
 * The queue of the signed-in person's local database, started on first use and
 * kept running for as long as that database is open, so a file attached on a
 * contract page still goes out after the person moved on to another page.
 */
export function uploadQueue(db: LocalDb): UploadQueue {
	let queue = queues.get(db);
	if (!queue) {
		queue = new UploadQueue(db);
		queues.set(db, queue);
		queue.start();
	}
	return queue;
}
