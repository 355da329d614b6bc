import type { PlainRecord } from '#lib/domain/documents/shape.js';

/** Notes as the customer page lists them: pinned on top, then newest first (ties by id, so replicas agree). */
export function orderNotes(notes: PlainRecord[]): PlainRecord[] {
	const when = (note: PlainRecord) => String(note.at ?? '');
	return notes
		.filter((note) => !note.deletedAt)
		.sort((a, b) => Number(!!b.pinned) - Number(!!a.pinned) || when(b).localeCompare(when(a)) || String(b.id).localeCompare(String(a.id)));
}

/** The start of a note, for lists and announcements. */
export function excerpt(body: unknown, max = 60): string {
	const text = String(body ?? '').replace(/\s+/g, ' ').trim();
	return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
