import type { Db } from '../db/index.js';
import { countRepeats, type AlertKey, type CountedRepeat, type OccurrenceFields, type RepeatCount } from '../repositories/alert-links.js';

/**
 * Counts repeats of alerts in group commits: while one count for a tenant is
 * in flight, the repeats that arrive meanwhile gather and go in the next
 * statement together, whatever their keys. In a storm of thousands of alerts
 * each statement counts dozens, and the database sees one statement in flight
 * per tenant and node instead of one per alert.
 *
 * Every repeat still gets its own count back (the n repeats of one key in a
 * batch get the last n counts in arrival order), so none is lost or told twice.
 */

export type Repeat = { ticketId: string; occurrences: number; number: number | null };

interface Waiting {
	key: AlertKey;
	occurrence: OccurrenceFields;
	done: string[];
	resolve: (repeat: Repeat | undefined) => void;
	reject: (error: unknown) => void;
}

const MAX_BATCH = 500;
// two nodes counting overlapping alerts can deadlock on rare occasions (Postgres aborts one): count again
const DEADLOCK = '40P01';

const waiting = new Map<string, Waiting[]>();
const busy = new Set<string>();

/** Counts one repeat of an alert whose ticket is open; undefined when it has no such ticket. */
export function countRepeat(db: Db, key: AlertKey, done: string[], occurrence: OccurrenceFields): Promise<Repeat | undefined> {
	return new Promise((resolve, reject) => {
		const queue = waiting.get(key.tenantId) ?? [];
		waiting.set(key.tenantId, queue);
		queue.push({ key, occurrence, done, resolve, reject });
		if (!busy.has(key.tenantId)) void drain(db, key.tenantId);
	});
}

async function drain(db: Db, tenantId: string) {
	busy.add(tenantId);
	try {
		for (let batch = take(tenantId); batch.length > 0; batch = take(tenantId)) await count(db, tenantId, batch);
	} finally {
		busy.delete(tenantId);
	}
}

function take(tenantId: string): Waiting[] {
	const queue = waiting.get(tenantId) ?? [];
	const batch = queue.splice(0, MAX_BATCH);
	if (queue.length === 0) waiting.delete(tenantId);
	return batch;
}

const keyId = (k: { source: string; alertKey: string }) => `${k.source}\0${k.alertKey}`;

async function count(db: Db, tenantId: string, batch: Waiting[]) {
	const byKey = new Map<string, Waiting[]>();
	for (const w of batch) byKey.set(keyId(w.key), [...(byKey.get(keyId(w.key)) ?? []), w]);
	const repeats: RepeatCount[] = [...byKey.values()].map((ws) => ({ ...ws[0].key, ...ws.at(-1)!.occurrence, count: ws.length }));
	let counted: CountedRepeat[];
	try {
		counted = await insist(() => countRepeats(db, tenantId, batch[0].done, repeats));
	} catch (error) {
		for (const w of batch) w.reject(error);
		return;
	}
	const found = new Map(counted.map((c) => [keyId(c), c]));
	for (const [id, ws] of byKey) {
		const c = found.get(id);
		ws.forEach((w, i) => w.resolve(c && { ticketId: c.ticketId, number: c.number, occurrences: c.occurrences - ws.length + 1 + i }));
	}
}

async function insist<T>(run: () => Promise<T>, attempts = 3): Promise<T> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await run();
		} catch (error) {
			if ((error as { code?: string }).code !== DEADLOCK || attempt >= attempts) throw error;
		}
	}
}
