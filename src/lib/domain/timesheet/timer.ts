import { TZDate } from '@date-fns/tz';
import { z } from 'zod';
import { todayIn } from '../today.js';

/**
 * A running timer as plain state: when it started and the spans it was paused,
 * all instants. Nothing counts in memory, so a reload, a closed laptop or a
 * day offline change nothing: the elapsed time is always worked out from the
 * clock. Stopping it gives the entries it becomes, one per local day worked.
 */

const at = z.iso.datetime({ offset: true });

export const timerState = z.object({
	startedAt: at,
	pauses: z.array(z.object({ from: at, to: at.nullable() })),
	ticketId: z.string().nullable().default(null),
	taskId: z.string().nullable().default(null),
	/** a task's project: billing and reports read it off the entry */
	projectId: z.string().nullable().default(null),
	customerId: z.string().nullable().default(null),
	workRole: z.string().nullable().default(null),
	billable: z.boolean().default(true),
	notes: z.string().nullable().default(null)
});

export type TimerState = z.infer<typeof timerState>;
export type TimerTarget = Partial<Omit<TimerState, 'startedAt' | 'pauses'>>;

/** A saved timer read back (after a reload); null when what was saved is not one. */
export function readTimer(saved: unknown): TimerState | null {
	const parsed = timerState.safeParse(typeof saved === 'string' ? safeJson(saved) : saved);
	return parsed.success ? parsed.data : null;
}

function safeJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return null;
	}
}

export function startTimer(now: Date, target: TimerTarget = {}): TimerState {
	return timerState.parse({ ...target, startedAt: now.toISOString(), pauses: [] });
}

export const isPaused = (state: TimerState) => state.pauses.some((p) => p.to === null);

export function pauseTimer(state: TimerState, now: Date): TimerState {
	return isPaused(state) ? state : { ...state, pauses: [...state.pauses, { from: now.toISOString(), to: null }] };
}

export function resumeTimer(state: TimerState, now: Date): TimerState {
	return { ...state, pauses: state.pauses.map((p) => (p.to === null ? { ...p, to: now.toISOString() } : p)) };
}

/** The spans worked, [from, to) in epoch ms: start to now, less the pauses (a clock set back never counts negative). */
export function workedSpans(state: TimerState, now: Date): [number, number][] {
	const spans: [number, number][] = [];
	let from = Date.parse(state.startedAt);
	const end = now.getTime();
	const pauses = [...state.pauses].sort((a, b) => a.from.localeCompare(b.from));
	for (const pause of pauses) {
		const pauseFrom = Math.min(Date.parse(pause.from), end);
		if (pauseFrom > from) spans.push([from, pauseFrom]);
		from = Math.max(from, pause.to === null ? end : Date.parse(pause.to));
	}
	if (end > from) spans.push([from, end]);
	return spans;
}

export function elapsedMs(state: TimerState, now: Date): number {
	return workedSpans(state, now).reduce((sum, [from, to]) => sum + (to - from), 0);
}

/** What the timer shows: whole minutes elapsed, counted down (a minute shows once it is full). */
export const elapsedMinutes = (state: TimerState, now: Date) => Math.floor(elapsedMs(state, now) / 60_000);

/**
 * How a tenant rounds timed work: to an increment (6 = tenths of an hour, 15),
 * `up` (each started increment counts) or `nearest` (half up); at least
 * `minimum` minutes. The rounding is of whole-second precision first, so
 * 7 min 30 s is 7.5 minutes.
 */
export interface Rounding {
	increment: number;
	mode: 'up' | 'nearest';
	minimum?: number;
}

export const NO_ROUNDING: Rounding = { increment: 1, mode: 'nearest' };

export function roundMinutes(ms: number, rounding: Rounding): number {
	const minutes = Math.round(ms / 1000) / 60;
	const steps = minutes / rounding.increment;
	// a tiny epsilon so 15.000000001 from float division does not round up to 30
	const rounded = (rounding.mode === 'up' ? Math.ceil(steps - 1e-9) : Math.round(steps)) * rounding.increment;
	return Math.max(rounded, rounding.minimum ?? 0);
}

export interface StoppedEntry {
	date: string;
	startMinute: number | null;
	minutes: number;
	ticketId: string | null;
	taskId: string | null;
	projectId: string | null;
	customerId: string | null;
	workRole: string | null;
	billable: boolean;
	notes: string | null;
}

function localMinute(ms: number, timeZone: string): number {
	const local = new TZDate(ms, timeZone);
	return local.getHours() * 60 + local.getMinutes();
}

/** The next local midnight after an instant. */
function nextMidnight(ms: number, timeZone: string): number {
	const local = new TZDate(ms, timeZone);
	return new TZDate(local.getFullYear(), local.getMonth(), local.getDate() + 1, timeZone).getTime();
}

/** Worked spans cut at local midnights, grouped by local date: first minute and total ms per day. */
function byLocalDay(spans: [number, number][], timeZone: string) {
	const days = new Map<string, { first: number; ms: number }>();
	for (let [from, to] of spans) {
		while (from < to) {
			const cut = Math.min(to, nextMidnight(from, timeZone));
			const date = todayIn(timeZone, new Date(from));
			const day = days.get(date) ?? { first: localMinute(from, timeZone), ms: 0 };
			day.ms += cut - from;
			days.set(date, day);
			from = cut;
		}
	}
	return days;
}

/**
 * The entries a stopped timer becomes: one per local day it ran, starting at
 * the first minute worked that day, its worked time rounded. A day rounded to
 * nothing makes no entry; a start that rounding would push past midnight is
 * dropped (the entry keeps its minutes). Entries on days of another week
 * belong in that week's document (`weekOfDate`).
 */
export function stopTimer(state: TimerState, now: Date, timeZone: string, rounding: Rounding = NO_ROUNDING): StoppedEntry[] {
	const { ticketId, taskId, projectId, customerId, workRole, billable, notes } = state;
	const entries: StoppedEntry[] = [];
	for (const [date, day] of byLocalDay(workedSpans(state, now), timeZone)) {
		const minutes = roundMinutes(day.ms, rounding);
		if (minutes <= 0) continue;
		const startMinute = day.first + minutes <= 24 * 60 ? day.first : null;
		entries.push({ date, startMinute, minutes, ticketId, taskId, projectId, customerId, workRole, billable, notes });
	}
	return entries;
}
