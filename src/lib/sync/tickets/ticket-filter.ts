import type { TicketRow } from '#lib/domain/ticket/projection.js';
import { TICKET_PRIORITIES } from '#lib/domain/ticket/schema.js';

/**
 * The service desk list's query: what a view, a saved filter or the toolbar
 * sets, applied to every ticket row in memory (20,000 tickets stay instant:
 * one pass to filter, one sort over precomputed keys).
 */

export const TICKET_SORTS = ['number', 'priority', 'activity', 'due', 'sla'] as const;
export type TicketSort = (typeof TICKET_SORTS)[number];

export interface TicketQuery {
	search: string;
	/** 'open' (not in a done status), 'any', or one status id */
	status: string;
	/** '' or one of TICKET_PRIORITIES */
	priority: string;
	/** '' or a queue id */
	queue: string;
	/** '' (anyone), 'me' (whoever looks: a saved "mine" works for everyone), 'none', or a user id */
	assignee: string;
	/** '' or a customer id */
	customer: string;
	sort: TicketSort;
}

export const ALL_OPEN: TicketQuery = { search: '', status: 'open', priority: '', queue: '', assignee: '', customer: '', sort: 'number' };

/** What filtering needs of a ticket row. */
export type ListedTicket = Pick<
	TicketRow,
	'id' | 'number' | 'title' | 'customerId' | 'status' | 'priority' | 'queue' | 'assignee' | 'dueDate' | 'lastActivityAt' | 'createdAt' | 'deletedAt'
>;

export interface FilterContext<R> {
	/** the signed-in person's user id (for 'me') */
	me: string;
	/** the statuses that end a ticket's work */
	done: ReadonlySet<string>;
	/** lower-cased text search looks in: label, title, customer name */
	searchText: (row: R) => string;
	/** SLA business minutes left of the clock that matters; null without a clock */
	slaLeft: (row: R) => number | null;
}

const PRIORITY_RANK: Record<string, number> = Object.fromEntries(TICKET_PRIORITIES.map((p, i) => [p, TICKET_PRIORITIES.length - 1 - i]));

type Keyed<R> = { row: R; key: number | string | null };

// newest first; tickets not numbered yet are the newest of all
const byNumber = <R extends ListedTicket>(a: R, b: R) =>
	(b.number ?? Number.MAX_SAFE_INTEGER) - (a.number ?? Number.MAX_SAFE_INTEGER) || String(b.createdAt).localeCompare(String(a.createdAt)) || a.id.localeCompare(b.id);

/** Each sort: its key (null sorts last), and whether the greatest key comes first. */
const SORT_KEYS: Record<TicketSort, { key: (row: ListedTicket, ctx: FilterContext<ListedTicket>) => number | string | null; descending: boolean }> = {
	number: { key: () => 0, descending: false },
	priority: { key: (row) => PRIORITY_RANK[row.priority ?? ''] ?? null, descending: false },
	activity: { key: (row) => row.lastActivityAt, descending: true },
	due: { key: (row) => row.dueDate, descending: false },
	sla: { key: (row, ctx) => ctx.slaLeft(row), descending: false }
};

function compareKeys(a: number | string | null, b: number | string | null, descending: boolean): number {
	if (a === b) return 0;
	if (a === null) return 1;
	if (b === null) return -1;
	const order = a < b ? -1 : 1;
	return descending ? -order : order;
}

/** "T-1042", "t1042" or "1042" → 1042 (lower-cased input) */
function numberIn(needle: string): number | null {
	const match = /^t?-?(\d{1,12})$/.exec(needle);
	return match ? Number(match[1]) : null;
}

export function matcher<R extends ListedTicket>(query: TicketQuery, ctx: FilterContext<R>): (row: R) => boolean {
	const needle = query.search.trim().toLocaleLowerCase();
	const number = numberIn(needle);
	const assignee = query.assignee === 'me' ? ctx.me : query.assignee;
	return (row) => {
		if (row.deletedAt) return false;
		if (query.status === 'open' ? row.status !== null && ctx.done.has(row.status) : query.status !== 'any' && row.status !== query.status) return false;
		if (query.priority && row.priority !== query.priority) return false;
		if (query.queue && row.queue !== query.queue) return false;
		if (assignee === 'none' ? row.assignee !== null : assignee && row.assignee !== assignee) return false;
		if (query.customer && row.customerId !== query.customer) return false;
		if (!needle) return true;
		return (number !== null && row.number === number) || ctx.searchText(row).includes(needle);
	};
}

/** The tickets a query lets through, in its order. */
export function filterTickets<R extends ListedTicket>(rows: readonly R[], query: TicketQuery, ctx: FilterContext<R>): R[] {
	const matches = rows.filter(matcher(query, ctx));
	const sort = SORT_KEYS[query.sort] ?? SORT_KEYS.number;
	const keyed: Keyed<R>[] = matches.map((row) => ({ row, key: sort.key(row, ctx as unknown as FilterContext<ListedTicket>) }));
	keyed.sort((a, b) => compareKeys(a.key, b.key, sort.descending) || byNumber(a.row, b.row));
	return keyed.map((k) => k.row);
}

/** Whether two queries ask for the same tickets in the same order (which view is the current one). */
export function sameQuery(a: TicketQuery, b: TicketQuery): boolean {
	return (Object.keys(ALL_OPEN) as (keyof TicketQuery)[]).every((key) => (key === 'search' ? a.search.trim() === b.search.trim() : a[key] === b[key]));
}

/** A query from stored or typed values: unknown fields dropped, missing ones from ALL_OPEN. */
export function toQuery(value: unknown): TicketQuery {
	const input = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
	const text = (key: keyof TicketQuery) => (typeof input[key] === 'string' ? (input[key] as string).slice(0, 200) : ALL_OPEN[key]);
	const sort = TICKET_SORTS.find((s) => s === input.sort) ?? ALL_OPEN.sort;
	return { search: text('search'), status: text('status') || 'open', priority: text('priority'), queue: text('queue'), assignee: text('assignee'), customer: text('customer'), sort };
}

/** The ticket a person means by "T-1042" (or "1042"); null when this device has none of that number. */
export function ticketByNumber<R extends Pick<ListedTicket, 'number' | 'deletedAt'>>(rows: readonly R[], text: string): R | null {
	const number = numberIn(text.trim().toLocaleLowerCase());
	return number === null ? null : (rows.find((row) => row.number === number && !row.deletedAt) ?? null);
}
