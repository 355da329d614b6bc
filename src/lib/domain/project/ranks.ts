import { rankBetween } from '../documents/ranks.js';

/**
 * Where cards sit on a project board: each task has a fractional rank within
 * its column, so a move rewrites only the moved card's `status` and `rank`.
 * Concurrent moves then merge as field edits: a card is one record, so it is
 * never duplicated or lost, and every replica sorts by the same (rank, id).
 */

export interface Ranked {
	id: string;
	rank: string | null;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Cards in board order: by rank, then id, so replicas with equal ranks still agree. */
export function byRank<R extends Ranked>(cards: readonly R[]): R[] {
	return [...cards].sort((a, b) => compare(a.rank ?? '', b.rank ?? '') || compare(a.id, b.id));
}

/**
 * A few digits from the moved card's id. Two people dropping different cards
 * into the same gap at once would otherwise compute the very same rank; with
 * the suffix each card keeps a rank of its own and later drops between them
 * still have room. Never ends in '0' (see rankBetween).
 */
function suffixOf(cardId: string): string {
	const digits = cardId.toLowerCase().replace(/[^0-9a-z]/g, '').slice(-4);
	return digits.replace(/0+$/, '') + 'i';
}

/**
 * The rank for `cardId` dropped at `index` of `ordered` (the column's cards in
 * board order, the moved card left out). Appending to a rank keeps it above
 * the card before, and it stays below the card after because rankBetween's
 * result is never a prefix of its upper bound.
 */
export function rankAt(ordered: readonly Ranked[], index: number, cardId: string): string {
	const at = Math.max(0, Math.min(index, ordered.length));
	const before = ordered[at - 1]?.rank ?? null;
	const after = ordered[at]?.rank ?? null;
	// equal neighbours (an old tie) leave no gap: go just after the earlier one
	const upper = before !== null && after !== null && after <= before ? null : after;
	return rankBetween(before, upper) + suffixOf(cardId);
}
