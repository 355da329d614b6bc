import type { Db } from '../db/index.js';
import { firedKeys } from '../repositories/rules.js';

/**
 * Which firing keys are recorded, remembered by this process: a key once
 * recorded stays recorded, so a quiet tick over thousands of idle tickets asks
 * the database only about keys it has not seen fire. Bounded: past the limit
 * the memory starts afresh (and the database answers again).
 */

const MAX_KEYS = 500_000;
const known = new Map<string, Set<string>>();
let size = 0;

export function rememberFired(tenantId: string, keys: Iterable<string>): void {
	let set = known.get(tenantId);
	if (!set) known.set(tenantId, (set = new Set()));
	for (const key of keys) {
		if (set.has(key)) continue;
		if (size >= MAX_KEYS) {
			known.clear();
			size = 0;
			return rememberFired(tenantId, keys);
		}
		set.add(key);
		size++;
	}
}

/** The keys among `keys` that fired (here or on any node). */
export async function firedAmong(db: Db, tenantId: string, keys: string[]): Promise<Set<string>> {
	const set = known.get(tenantId);
	const unknown = set ? keys.filter((key) => !set.has(key)) : keys;
	const found = await firedKeys(db, tenantId, [...new Set(unknown)]);
	rememberFired(tenantId, found);
	return set ? new Set([...keys.filter((key) => set.has(key)), ...found]) : found;
}
