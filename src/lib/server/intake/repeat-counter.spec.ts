import { describe, expect, it } from 'vitest';
import type { Db } from '../db/index.js';
import { countRepeat } from './repeat-counter.js';

/** A database that counts like alert_links would, and records each statement's batch. */
function fakeDb(open: Set<string>) {
	const counts = new Map<string, number>();
	const batches: { alertKey: string; count: number }[][] = [];
	const db = {
		async query(_sql: string, params: unknown[]) {
			const repeats = JSON.parse(params[1] as string) as { source: string; alertKey: string; count: number }[];
			batches.push(repeats.map(({ alertKey, count }) => ({ alertKey, count })));
			await new Promise((r) => setTimeout(r, 5));
			return repeats
				.filter((r) => open.has(r.alertKey))
				.map((r) => {
					counts.set(r.alertKey, (counts.get(r.alertKey) ?? 1) + r.count);
					return { source: r.source, alertKey: r.alertKey, ticketId: `t-${r.alertKey}`, occurrences: counts.get(r.alertKey)!, number: null };
				});
		}
	} as unknown as Db;
	return { db, batches };
}

const key = (alertKey: string) => ({ tenantId: 'tenant-a', source: 'mon', alertKey });
const occurrence = { severity: 'high', title: 'Down', message: null };

describe('repeat counter', () => {
	it('counts repeats arriving together in one statement, each with its own count', async () => {
		const { db, batches } = fakeDb(new Set(['a', 'b']));
		const answers = await Promise.all([...'aabab'].map((k) => countRepeat(db, key(k), [], occurrence)));
		// the first goes alone; the four that came while it was in flight go together
		expect(batches).toEqual([[{ alertKey: 'a', count: 1 }], [{ alertKey: 'a', count: 2 }, { alertKey: 'b', count: 2 }]]);
		expect(answers.map((a) => [a!.ticketId, a!.occurrences])).toEqual([
			['t-a', 2],
			['t-a', 3],
			['t-b', 2],
			['t-a', 4],
			['t-b', 3]
		]);
	});

	it('answers undefined for an alert with no open ticket, so the caller makes one', async () => {
		const { db } = fakeDb(new Set(['a']));
		const [open, closed] = await Promise.all([countRepeat(db, key('a'), [], occurrence), countRepeat(db, key('z'), [], occurrence)]);
		expect(open?.ticketId).toBe('t-a');
		expect(closed).toBeUndefined();
	});
});
