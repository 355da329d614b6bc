import { DEFAULT_STATUS_RECORDS } from '#lib/domain/servicedesk/settings.js';
import { parseDocName } from '#lib/domain/documents/names.js';
import type { LocalDb } from '../db.js';
import type { PinKeeper } from '../pin-keeper.svelte.js';
import type { RowIndex } from '../rows.js';
import { dayBefore, myTicketDocs } from './mine.js';

// a feed page or a burst of edits is one look at the index, not one per row
const SETTLE_MS = 500;
const DEFAULT_DONE: ReadonlySet<string> = new Set(DEFAULT_STATUS_RECORDS.filter((s) => s.done).map((s) => s.id));

export interface KeepMineOptions {
	db: LocalDb;
	rows: RowIndex;
	keeper: PinKeeper;
	userId: string;
	/** the tenant's done statuses, once the catalog is loaded */
	done: () => ReadonlySet<string> | null;
}

/**
 * Keeps the person's tickets on the device (DESIGN.md §3, "kept attached"):
 * every time ticket rows change, the open tickets assigned to them or on their
 * days become automatic pins, and those no longer theirs are let go. Returns
 * the function that stops.
 */
export function keepMyTickets(options: KeepMineOptions): () => void {
	const { db, rows, keeper, userId } = options;
	let timer: ReturnType<typeof setTimeout> | undefined;
	let stopped = false;
	const look = async () => {
		const [assigned, visits] = await Promise.all([db.tickets.where('assignee').equals(userId).toArray(), db.ticketVisits.where('userId').equals(userId).toArray()]);
		const visited = await db.tickets.where('docName').anyOf([...new Set(visits.map((v) => v.docName))]).toArray();
		const names = myTicketDocs(userId, [...assigned, ...visited], visits, options.done() ?? DEFAULT_DONE, dayBefore(new Date()));
		if (!stopped) await keeper.keepOnly(names);
	};
	const schedule = () => {
		clearTimeout(timer);
		timer = setTimeout(() => void look().catch((error) => console.warn('sync: could not keep my tickets offline', error)), SETTLE_MS);
	};
	const unsubscribe = rows.subscribe((names) => names.some((name) => parseDocName(name)?.kind === 'ticket') && schedule());
	schedule();
	return () => {
		stopped = true;
		clearTimeout(timer);
		unsubscribe();
	};
}
