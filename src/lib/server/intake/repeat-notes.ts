import { alertAuthor, repeatNote } from '#lib/domain/intake/alert.js';
import { addNote } from '#lib/domain/ticket/edits.js';
import type { Db } from '../db/index.js';
import { publishLive } from '../documents/edit-stored.js';
import { lockUnnoted, markManyNoted, tenantsWithStaleRepeats, type UnnotedLink } from '../repositories/alert-links.js';
import { writeTicketEdits } from '../tickets/ticket-docs.js';

/**
 * Repeats of an alert reach its ticket as one note per short window, not one
 * each: the count is exact at once (the link row), and the note follows. One
 * write per tenant and window covers every alert that repeated in it, so a
 * storm of thousands of duplicates is a handful of document writes.
 *
 * The window runs on the node that counted a repeat; the counts live in
 * Postgres, so a node that stops before writing leaves the notes to the sweep
 * of any node, and two nodes never write the same ones (SKIP LOCKED).
 */

export const REPEAT_NOTE_WINDOW_MS = 5_000;
const SWEEP_MS = 30_000;

const waiting = new Map<string, { db: Db; timer: NodeJS.Timeout }>();

/** Writes the tenant's repeat notes once the window has passed (one timer per tenant). */
export function noteRepeatsSoon(db: Db, tenantId: string): void {
	if (waiting.has(tenantId)) return;
	const timer = setTimeout(() => {
		waiting.delete(tenantId);
		void writeRepeatNotes(db, tenantId).catch((error) => console.error('alert repeat notes:', error));
	}, REPEAT_NOTE_WINDOW_MS);
	timer.unref();
	waiting.set(tenantId, { db, timer });
}

const noteOf = (link: UnnotedLink) => repeatNote(link.occurrences - link.noted, link.occurrences, { ...link, at: link.lastAt.toISOString() });

const BATCH = 500;

/** One note on each ticket whose alert repeated since its last note, in one transaction (and another for more than a batch). */
export async function writeRepeatNotes(db: Db, tenantId: string): Promise<void> {
	const edits = await db.transaction(async (tx) => {
		const links = await lockUnnoted(tx, tenantId, BATCH);
		if (links.length === BATCH) noteRepeatsSoon(db, tenantId);
		if (links.length === 0) return [];
		const byTicket = new Map<string, UnnotedLink[]>();
		for (const link of links) byTicket.set(link.ticketId, [...(byTicket.get(link.ticketId) ?? []), link]);
		const edits = await writeTicketEdits(tx, tenantId, [...byTicket.keys()], (ticketId, doc) =>
			doc.transact(() => {
				for (const link of byTicket.get(ticketId)!) addNote(doc, { body: noteOf(link), visibility: 'internal', origin: 'alert' }, { by: alertAuthor(link.source) });
			})
		);
		await markManyNoted(tx, tenantId, links.map((l) => ({ source: l.source, alertKey: l.alertKey, noted: l.occurrences })));
		return edits;
	});
	publishLive(edits);
}

/**
 * Sweeps now and then for repeats whose note no node wrote (it stopped first);
 * `stop()` writes this node's waiting notes before the process ends.
 */
export function startRepeatNotes(db: Db) {
	let running: Promise<unknown> | undefined;
	const sweep = () => {
		running ??= tenantsWithStaleRepeats(db, REPEAT_NOTE_WINDOW_MS * 5)
			.then(async (tenants) => {
				for (const tenantId of tenants) await writeRepeatNotes(db, tenantId);
			})
			.catch((error) => console.error('alert repeat notes:', error))
			.finally(() => (running = undefined));
	};
	const timer = setInterval(sweep, SWEEP_MS);
	timer.unref();
	return {
		async stop() {
			clearInterval(timer);
			await running;
			const now = [...waiting];
			waiting.clear();
			for (const [tenantId, { timer, db: of }] of now) {
				clearTimeout(timer);
				await writeRepeatNotes(of, tenantId).catch((error) => console.error('alert repeat notes:', error));
			}
		}
	};
}
