import { addEntry, type EditResult, type EntryFields, type Sheet } from '#lib/domain/timesheet/edits.js';
import { docName } from '#lib/domain/documents/names.js';
import { currentWeek } from '#lib/domain/timesheet/navigation.js';
import { previousWeek, timesheetDocName, weekOfDate } from '#lib/domain/timesheet/weeks.js';
import type { SyncEngine } from '../engine.svelte.js';

/**
 * The signed-in person's week documents, wherever the app writes time from
 * (the week view, a ticket's panel, the timer): each entry goes into the
 * document of the week its date falls in.
 */

/** The tenant's time zone, as the (app) layout gave it to sync. */
export const timeZoneOf = (engine: SyncEngine) => engine.session.tenant.timeZone ?? 'UTC';

export const myWeekName = (engine: SyncEngine, week: string) => timesheetDocName(engine.session.tenant.id, engine.session.user.id, week);

/** What the names of all the person's weeks start with. */
export const myWeeksPrefix = (engine: SyncEngine) => `${docName(engine.session.tenant.id, 'timesheet', engine.session.user.id)}:`;

/** Runs `edit` on one of the person's weeks, loaded from this device (and synced when online); works offline. */
export async function withMyWeek<T>(engine: SyncEngine, week: string, edit: (sheet: Sheet) => T): Promise<T> {
	const handle = await engine.pool.acquire(myWeekName(engine, week));
	try {
		return edit({ doc: handle.doc, userId: engine.session.user.id, week });
	} finally {
		engine.pool.release(handle);
	}
}

/** Logs entries into the weeks their dates fall in; one result per entry, in order. */
export async function logEntries(engine: SyncEngine, entries: EntryFields[], now = new Date()): Promise<EditResult[]> {
	const results: EditResult[] = [];
	for (const entry of entries) results.push(await withMyWeek(engine, weekOfDate(entry.date), (sheet) => addEntry(sheet, entry, now)));
	return results;
}

// a new week starts at local midnight on Monday: look again every so often rather than at that instant
const RECHECK_MS = 15 * 60_000;

/**
 * Keeps the person's recent weeks (this one and last) attached (DESIGN.md §3),
 * like a held pin: on the device and current, so a tech with no signal opens
 * their week and logs time into it. Returns the function that lets them go.
 */
export function keepRecentWeeks(engine: SyncEngine): () => void {
	const held = new Map<string, Promise<{ release: () => void } | null>>();
	let stopped = false;
	const hold = (name: string) =>
		engine.pool.acquire(name).then(
			(handle) => (stopped ? (engine.pool.release(handle), null) : { release: () => engine.pool.release(handle) }),
			(error) => (console.warn(`sync: could not keep ${name} on this device`, error), null)
		);
	const look = () => {
		const week = currentWeek(timeZoneOf(engine));
		const wanted = new Set([week, previousWeek(week)].map((w) => myWeekName(engine, w)));
		for (const [name, handle] of held) {
			if (wanted.has(name)) continue;
			held.delete(name);
			void handle.then((h) => h?.release());
		}
		for (const name of wanted) if (!held.has(name)) held.set(name, hold(name));
	};
	look();
	const timer = setInterval(look, RECHECK_MS);
	return () => {
		stopped = true;
		clearInterval(timer);
		for (const handle of held.values()) void handle.then((h) => h?.release());
		held.clear();
	};
}
