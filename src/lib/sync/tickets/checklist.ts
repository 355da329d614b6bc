import type { ChecklistItemRecord } from '#lib/domain/ticket/schema.js';
import { rankBetween } from '#lib/domain/documents/ranks.js';

/** A ticket's checklist in its order: by rank (fractional, so a move rewrites one item), then id so replicas agree. */
export function orderedChecklist<I extends Pick<ChecklistItemRecord, 'id' | 'rank' | 'deletedAt'>>(items: readonly I[]): I[] {
	return items.filter((i) => !i.deletedAt).sort((a, b) => (a.rank ?? '').localeCompare(b.rank ?? '') || a.id.localeCompare(b.id));
}

/** The rank of an item added at the end. */
export function rankAtEnd(ordered: readonly Pick<ChecklistItemRecord, 'rank'>[]): string {
	return rankBetween(ordered.at(-1)?.rank ?? null, null);
}

/** The new rank of `id` moved one place up or down; null when it is already at that end. */
export function rankMoved(ordered: readonly Pick<ChecklistItemRecord, 'id' | 'rank'>[], id: string, direction: -1 | 1): string | null {
	const at = ordered.findIndex((i) => i.id === id);
	const target = at + direction;
	if (at < 0 || target < 0 || target >= ordered.length) return null;
	// moving up lands between the two above; moving down between the two below
	const [before, after] = direction === -1 ? [ordered[target - 1], ordered[target]] : [ordered[target], ordered[target + 1]];
	return rankBetween(before?.rank ?? null, after?.rank ?? null);
}
