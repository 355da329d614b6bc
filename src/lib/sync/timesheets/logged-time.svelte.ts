import { mergeLogged, type LoggedTotals, type WeekMinutes } from '#lib/domain/timesheet/logged.js';
import { liveEntries, type EntryFields, type EditResult } from '#lib/domain/timesheet/edits.js';
import { timesheetOwner } from '#lib/domain/timesheet/projection.js';
import { getMeta, setMeta } from '../db.js';
import type { DocHandle } from '../doc-handle.svelte.js';
import { useSync, type SyncEngine } from '../engine.svelte.js';
import { logEntries, myWeeksPrefix } from './weeks.js';

/** What logged time is counted for. */
export type LoggedTarget = { ticketId: string; taskId?: null } | { taskId: string; ticketId?: null };

// the server's figures are asked for again this often while a ticket is open
const REFRESH_MS = 30_000;

/**
 * A ticket's (or task's) logged time, for its panel: the server's figures
 * (`GET /api/v1/time/totals`, kept on the device for offline), with the
 * person's own weeks attached here counted from their documents instead, so an
 * entry logged offline counts at once and none counts twice (domain/timesheet/logged.ts).
 */
export class LoggedTime {
	totals: LoggedTotals = $state.raw({ total: 0, people: [] });
	/** the server answered at least once (else the figures are this device's alone) */
	fromServer = $state(false);
	private server: WeekMinutes[] = [];
	private readonly held = new Map<string, DocHandle>();
	private engine: SyncEngine | null = null;
	private stopped = false;

	constructor(readonly target: LoggedTarget) {}

	private get key() {
		return this.target.ticketId ? `loggedTime:ticket:${this.target.ticketId}` : `loggedTime:task:${this.target.taskId}`;
	}

	/** Starts counting (browser only; call from an effect). Returns the function that stops. */
	open(): () => void {
		const online = () => void this.refresh();
		void useSync().then(async (engine) => {
			if (this.stopped) return;
			this.engine = engine;
			const kept = await getMeta<WeekMinutes[]>(engine.db, this.key);
			if (kept) ((this.server = kept), (this.fromServer = true));
			await this.refresh();
		});
		const timer = setInterval(online, REFRESH_MS);
		window.addEventListener('online', online);
		return () => {
			this.stopped = true;
			clearInterval(timer);
			window.removeEventListener('online', online);
			for (const handle of this.held.values()) {
				handle.doc.off('update', this.recount);
				this.engine?.pool.release(handle);
			}
			this.held.clear();
		};
	}

	/** Logs time on the target into the person's week (works offline); counted at once. */
	async log(fields: EntryFields): Promise<EditResult> {
		const engine = this.engine ?? (await useSync());
		const [result] = await logEntries(engine, [{ ...fields, ticketId: this.target.ticketId ?? fields.ticketId ?? null, taskId: this.target.taskId ?? fields.taskId ?? null }]);
		await this.holdMyWeeks();
		this.recount();
		return result;
	}

	private async refresh() {
		const engine = this.engine;
		if (!engine || this.stopped) return;
		await this.holdMyWeeks();
		if (navigator.onLine) {
			const query = this.target.ticketId ? `ticketId=${encodeURIComponent(this.target.ticketId)}` : `taskId=${encodeURIComponent(this.target.taskId!)}`;
			try {
				const response = await fetch(`/api/v1/time/totals?${query}`, { credentials: 'same-origin' });
				if (response.ok) {
					this.server = ((await response.json()) as { totals: WeekMinutes[] }).totals;
					this.fromServer = true;
					await setMeta(engine.db, this.key, this.server);
				}
			} catch {
				// out of reach after all: the kept figures stand
			}
		}
		this.recount();
	}

	/**
	 * Follows the person's weeks that this tab has attached (recent weeks, weeks
	 * with unsent changes, the open week): their documents are at least as new
	 * as the server's figures for them. Weeks only in IndexedDB may be older
	 * than the server's copy, so the server counts those.
	 */
	private async holdMyWeeks() {
		const engine = this.engine;
		if (!engine) return;
		const names = (await engine.db.docs.where('name').startsWith(myWeeksPrefix(engine)).primaryKeys()).filter((name) => engine.pool.holds(name) && !this.held.has(name));
		for (const name of names) {
			const handle = await engine.pool.acquire(name);
			if (this.stopped) return engine.pool.release(handle);
			this.held.set(name, handle);
			handle.doc.on('update', this.recount);
		}
	}

	private recount = () => {
		const engine = this.engine;
		if (!engine) return;
		const me = engine.session.user.id;
		const local = new Map<string, number>();
		for (const handle of this.held.values()) {
			const { week } = timesheetOwner(handle.name);
			const mine = liveEntries({ doc: handle.doc, userId: me, week }).filter((e) => (this.target.ticketId ? e.ticketId === this.target.ticketId : e.taskId === this.target.taskId));
			local.set(week, mine.reduce((sum, e) => sum + e.minutes, 0));
		}
		this.totals = mergeLogged(this.server, me, local);
	};
}
