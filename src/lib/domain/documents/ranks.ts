/**
 * Fractional ranks (DESIGN.md §2: ordered things carry a fractional `rank`
 * string): custom fields, settings, checklists and project boards all order
 * their records this way, so a move rewrites one record's rank and concurrent
 * moves merge as field edits.
 */

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * A rank that sorts strictly between `before` and `after` (null: no bound), so
 * moving one field rewrites only its own rank and concurrent moves still merge.
 * Ranks never end in '0', which keeps a rank available below any other.
 */
export function rankBetween(before: string | null, after: string | null): string {
	const low = before ?? '';
	let high = after;
	let rank = '';
	for (let i = 0; ; i++) {
		const lo = i < low.length ? DIGITS.indexOf(low[i]) : 0;
		const hi = high !== null && i < high.length ? DIGITS.indexOf(high[i]) : DIGITS.length;
		if (hi - lo > 1) return rank + DIGITS[Math.floor((lo + hi) / 2)];
		// the rank is now below `high` whatever follows, so only `low` still bounds it
		if (hi - lo === 1) high = null;
		rank += DIGITS[lo];
	}
}
