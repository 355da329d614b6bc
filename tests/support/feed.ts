import type { ApiClient } from './client.js';

export type FeedRows = Record<string, Record<string, any>[]> & {
	customers: Record<string, any>[];
	sites: Record<string, any>[];
	contacts: Record<string, any>[];
};

/** Reads the whole rows feed from the start: the latest row per id wins; every table, sorted by id. */
export async function readAllRows(client: ApiClient): Promise<FeedRows> {
	const latest = new Map<string, Map<string, Record<string, any>>>();
	let since = '0';
	for (;;) {
		const res = await client.get(`/api/v1/sync/rows?since=${since}&limit=1000`);
		if (res.status !== 200) throw new Error(`feed: ${res.status} ${res.text}`);
		for (const [table, rows] of Object.entries(res.json.tables) as [string, Record<string, any>[]][]) {
			if (!latest.has(table)) latest.set(table, new Map());
			for (const row of rows) latest.get(table)!.set(row.id, row);
		}
		since = res.json.cursor;
		if (!res.json.more) break;
	}
	const sorted = (m: Map<string, Record<string, any>>) => [...m.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
	return Object.fromEntries([...latest].map(([table, rows]) => [table, sorted(rows)])) as FeedRows;
}
