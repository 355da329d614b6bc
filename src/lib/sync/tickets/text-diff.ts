/**
 * A textarea bound to a co-edited Y.Text sends only what the person changed
 * (one splice: common prefix and suffix kept), so a concurrent edit elsewhere
 * in the text merges instead of being overwritten; and a remote change moves
 * the person's cursor with the text around it.
 */

export interface Splice {
	index: number;
	remove: number;
	insert: string;
}

/** The one splice that turns `before` into `after`; null when they are equal. */
export function diffText(before: string, after: string, cursor?: number): Splice | null {
	if (before === after) return null;
	let start = 0;
	const max = Math.min(before.length, after.length);
	while (start < max && before[start] === after[start]) start += 1;
	// typing "a" after "a" is ambiguous: where the cursor is tells which "a" is new
	if (cursor !== undefined) start = Math.min(start, Math.max(0, cursor - Math.max(0, after.length - before.length)));
	let end = 0;
	while (end < max - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end += 1;
	return { index: start, remove: before.length - start - end, insert: after.slice(start, after.length - end) };
}

/** A Y.Text change as Yjs reports it (`event.delta`). */
export type TextDelta = { insert?: string | object; delete?: number; retain?: number }[];

/** Where a position in the old text is in the new one: text inserted before it pushes it on, deleted text pulls it back. */
export function mapIndex(delta: TextDelta, index: number): number {
	let at = 0;
	let mapped = index;
	for (const op of delta) {
		if (at > index) break;
		if (op.retain) at += op.retain;
		else if (op.insert !== undefined) {
			const length = typeof op.insert === 'string' ? op.insert.length : 1;
			if (at <= index) mapped += length;
		} else if (op.delete) {
			mapped -= Math.min(op.delete, Math.max(0, index - at));
			at += op.delete;
		}
	}
	return Math.max(0, mapped);
}
