import { alertAuthor, repeatNote } from '#lib/domain/intake/alert.js';
import { addNote } from '#lib/domain/ticket/edits.js';
import type { Db } from '../db/index.js';
import { publishLive } from '../documents/edit-stored.js';
import { lockUnnoted, markNoted, staleUnnoted, type AlertKey } from '../repositories/alert-links.js';
import { writeTicketEdits } from '../tickets/ticket-docs.js';

/**
 * Repeats of an alert reach its ticket as one note per short window, not one
 * each: the count is exact at once (the link row), and the note follows. A
 * storm of 200 duplicates is one document write instead of 200.
 *
 * The window runs on the node that counted the first repeat; the count lives
 * in Postgres, so a node that stops before writing the note leaves it to the
 * sweep of any node, and two nodes never both write it (SKIP LOCKED).
 */

export const REPEAT_NOTE_WINDOW_MS = 2_000;
const SWEEP_MS = 30_000;

const waiting = new Map<string, { db: Db; key: AlertKey; timer: NodeJS.Timeout }>();
const id = (k: AlertKey) => `${k.tenantId}|${k.source}|${k.alertKey}`;

/** Writes the note for this alert's repeats once the window has passed (one timer per alert). */
export function noteRepeatsSoon(db: Db, key: AlertKey): void {
	const name = id(key);
	if (waiting.has(name)) return;
	const timer = setTimeout(() => {
		waiting.delete(name);
		void writeRepeatNote(db, key).catch((error) => console.error('alert repeat note:', error));
	}, REPEAT_NOTE_WINDOW_MS);
	timer.unref();
	waiting.set(name, { db, key, timer });
}

/** One note telling the repeats not yet told; nothing when there are none or another node is at it. */
export async function writeRepeatNote(db: Db, key: AlertKey): Promise<void> {
	const edits = await db.transaction(async (tx) => {
		const link = await lockUnnoted(tx, key);
		if (!link) return [];
		const by = { by: alertAuthor(key.source) };
		const body = repeatNote(link.occurrences - link.noted, link.occurrences, { ...link, at: link.lastAt.toISOString() });
		const edits = await writeTicketEdits(tx, key.tenantId, [link.ticketId], (_, doc) => void addNote(doc, { body, visibility: 'internal', origin: 'alert' }, by));
		await markNoted(tx, key, link.occurrences);
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
		running ??= staleUnnoted(db, REPEAT_NOTE_WINDOW_MS * 5)
			.then(async (keys) => {
				for (const key of keys) await writeRepeatNote(db, key);
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
			const now = [...waiting.values()];
			waiting.clear();
			for (const { timer, db: of, key } of now) {
				clearTimeout(timer);
				await writeRepeatNote(of, key).catch((error) => console.error('alert repeat note:', error));
			}
		}
	};
}
