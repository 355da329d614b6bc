import { liveQuery } from 'dexie';
import { elapsedMs, isPaused, pauseTimer, readTimer, resumeTimer, startTimer, stopTimer, type TimerState, type TimerTarget } from '#lib/domain/timesheet/timer.js';
import { hoursAndMinutes } from '#lib/domain/timesheet/totals.js';
import { setMeta } from '../db.js';
import { useSync, type SyncEngine } from '../engine.svelte.js';
import { logEntries, timeZoneOf } from './weeks.js';

const KEY = 'timer';
const TICK_MS = 1000;

/**
 * The person's running timer, saved on this device (the local database's
 * meta table), so it keeps running across reloads, tabs and hours offline:
 * nothing counts in memory, the elapsed time is always worked out from the
 * instants saved (domain/timesheet/timer.ts). Stopping it writes its entries,
 * one per local day, into the weeks they fall in.
 */
export class TimerStore {
	state: TimerState | null = $state.raw(null);
	/** the clock the display reads, ticking once a second while the timer runs */
	now = $state(Date.now());
	private tick: ReturnType<typeof setInterval> | undefined;

	constructor(private readonly engine: SyncEngine) {}

	get running(): boolean {
		return this.state !== null;
	}

	get paused(): boolean {
		return this.state !== null && isPaused(this.state);
	}

	/** Elapsed whole seconds, for the display. */
	get seconds(): number {
		return this.state ? Math.floor(elapsedMs(this.state, new Date(this.now)) / 1000) : 0;
	}

	/** "1:05:09": hours, minutes and seconds elapsed. */
	get display(): string {
		const seconds = this.seconds;
		return `${hoursAndMinutes(Math.floor(seconds / 60))}:${String(seconds % 60).padStart(2, '0')}`;
	}

	/** Follows the saved timer (this tab's and other tabs' changes); returns the function that stops. */
	start(): () => void {
		const subscription = liveQuery(() => this.engine.db.meta.get(KEY)).subscribe({
			next: (row) => this.show(readTimer(row?.value ?? null)),
			error: (error) => console.warn('timer: could not read the saved timer', error)
		});
		return () => {
			subscription.unsubscribe();
			clearInterval(this.tick);
		};
	}

	private show(state: TimerState | null) {
		this.state = state;
		this.now = Date.now();
		clearInterval(this.tick);
		if (state && !isPaused(state)) this.tick = setInterval(() => (this.now = Date.now()), TICK_MS);
	}

	private async save(state: TimerState | null) {
		this.show(state);
		if (state) await setMeta(this.engine.db, KEY, state);
		else await this.engine.db.meta.delete(KEY);
	}

	/** Starts timing work on a ticket, a task or nothing in particular; a timer already running is left as it is. */
	async begin(target: TimerTarget = {}): Promise<void> {
		if (!this.state) await this.save(startTimer(new Date(), target));
	}

	async pause(): Promise<void> {
		if (this.state) await this.save(pauseTimer(this.state, new Date()));
	}

	async resume(): Promise<void> {
		if (this.state) await this.save(resumeTimer(this.state, new Date()));
	}

	/**
	 * Stops the timer and logs what it timed. Resolves to what could not be
	 * logged (an overlap, a locked week), each with its day and time, so the
	 * person can add it by hand; the timer is gone either way.
	 */
	async stop(): Promise<string[]> {
		const state = this.state;
		if (!state) return [];
		const entries = stopTimer(state, new Date(), timeZoneOf(this.engine));
		await this.save(null);
		const results = await logEntries(this.engine, entries);
		return results.flatMap((result, i) => (result.ok ? [] : [`${entries[i].date}, ${hoursAndMinutes(entries[i].minutes)} not logged: ${result.errors.join('; ')}`]));
	}

	/** Throws the running timer away without logging it. */
	async discard(): Promise<void> {
		await this.save(null);
	}
}

const timers = new WeakMap<SyncEngine, TimerStore>();

/** The signed-in person's timer (browser only), started on first use and kept for as long as sync runs. */
export async function useTimer(): Promise<TimerStore> {
	const engine = await useSync();
	let timer = timers.get(engine);
	if (!timer) {
		timer = new TimerStore(engine);
		timers.set(engine, timer);
		engine.onStop(timer.start());
	}
	return timer;
}

/** A component's hold on the person's timer: null until loaded. */
export class TimerLink {
	timer = $state.raw<TimerStore | null>(null);

	/** Loads it (browser only; call from an effect). Returns the function that stops. */
	start(): () => void {
		let stopped = false;
		void useTimer().then((timer) => !stopped && (this.timer = timer));
		return () => (stopped = true);
	}
}
