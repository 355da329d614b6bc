import { DEFAULT_STATUS_RECORDS } from './settings.js';
import { TRIAGE_QUEUE } from './read.js';

/**
 * The order settings are shown in, the same on every replica: queues and
 * statuses by their rank (moved with ↑ ↓), the rest by name. Records without
 * a rank (the default statuses, Triage before anyone edits it) keep their
 * built-in place.
 */

type Ranked = { id: string; name: string; rank?: string | null; deletedAt: string | null };

const BUILT_IN: readonly string[] = [...DEFAULT_STATUS_RECORDS.map((s) => s.id), TRIAGE_QUEUE.id];

const builtIn = (id: string) => {
	const at = BUILT_IN.indexOf(id);
	return at < 0 ? BUILT_IN.length : at;
};

function compareRanked(a: Ranked, b: Ranked): number {
	const [ra, rb] = [a.rank ?? null, b.rank ?? null];
	if (ra !== rb) {
		// ranked records follow the ones still in their built-in place
		if (ra === null) return -1;
		if (rb === null) return 1;
		return ra < rb ? -1 : 1;
	}
	return builtIn(a.id) - builtIn(b.id) || a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Live records in their rank order. */
export function ranked<R extends Ranked>(records: readonly R[]): R[] {
	return records.filter((r) => !r.deletedAt).sort(compareRanked);
}

/** Live records by name. */
export function byName<R extends { id: string; name: string; deletedAt: string | null }>(records: readonly R[]): R[] {
	return records.filter((r) => !r.deletedAt).sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
}

/** Records deleted (kept with `deletedAt`, DESIGN.md §2), which a settings list offers to restore. */
export function deleted<R extends { deletedAt: string | null }>(records: readonly R[]): R[] {
	return records.filter((r) => r.deletedAt);
}
