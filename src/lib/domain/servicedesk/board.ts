import { TICKET_PRIORITIES } from '../ticket/schema.js';

/**
 * The status board (kanban): one column per status of the tenant, in its
 * order, the done ones last; open tickets as cards, the most urgent first
 * (priority, then the oldest). No manual ranks: a card's place follows from
 * the ticket, so two people moving cards at once always agree on the order.
 */

/** What the board needs of a ticket row. */
export interface BoardTicket {
	id: string;
	status: string | null;
	priority: string | null;
	createdAt: string | null;
	/** when the current status began: a done column shows what was finished lately */
	statusSince: string | null;
	deletedAt: string | null;
}

export interface BoardStatus {
	id: string;
	name: string;
	done: boolean;
	pausesSla: boolean;
	deletedAt: string | null;
}

export interface BoardColumn<R> {
	status: BoardStatus;
	cards: R[];
	/** a done column: folded by default, its cards only those finished since `recentSince` */
	done: boolean;
	/** the column is not one of the tenant's statuses now (deleted, or unknown here): tickets still in it show */
	stray: boolean;
}

/** Where a ticket with no status event stands: tickets start as new (edits.ts createTicket). */
export const START_STATUS = 'new';

const urgency = (priority: string | null) => {
	const at = TICKET_PRIORITIES.indexOf((priority ?? 'normal') as (typeof TICKET_PRIORITIES)[number]);
	return at < 0 ? 1 : at;
};

/** Most urgent first: critical before low, then the oldest, then by id so every replica agrees. */
export function compareCards(a: BoardTicket, b: BoardTicket): number {
	return urgency(b.priority) - urgency(a.priority) || (a.createdAt ?? '').localeCompare(b.createdAt ?? '') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export interface BoardOptions<R> {
	/** the filters of the toolbar (queue, assignee, customer) */
	include: (row: R) => boolean;
	/** done columns show tickets that reached them since this instant */
	recentSince: string;
	/** every status record, deleted ones too, to name a column tickets are still in */
	allStatuses?: readonly BoardStatus[];
}

/**
 * The columns of the board. `statuses` are the tenant's live statuses in
 * their order; tickets in a status that is not among them get a column of
 * their own before the done ones, so no open ticket disappears from the board.
 */
export function boardColumns<R extends BoardTicket>(statuses: readonly BoardStatus[], rows: Iterable<R>, options: BoardOptions<R>): BoardColumn<R>[] {
	const open = statuses.filter((s) => !s.done);
	const done = statuses.filter((s) => s.done);
	const byStatus = new Map<string, R[]>();
	for (const row of rows) {
		if (row.deletedAt || !options.include(row)) continue;
		const status = row.status ?? START_STATUS;
		const list = byStatus.get(status);
		if (list) list.push(row);
		else byStatus.set(status, [row]);
	}
	const known = new Set(statuses.map((s) => s.id));
	const stray = [...byStatus.keys()].filter((id) => !known.has(id)).sort();
	const named = new Map((options.allStatuses ?? []).map((s) => [s.id, s]));
	const column = (status: BoardStatus, isStray: boolean): BoardColumn<R> => {
		let cards = byStatus.get(status.id) ?? [];
		if (status.done) cards = cards.filter((c) => (c.statusSince ?? '') >= options.recentSince);
		return { status, cards: cards.sort(compareCards), done: status.done, stray: isStray };
	};
	const strays = stray
		.map((id) => named.get(id) ?? { id, name: id, done: false, pausesSla: false, deletedAt: null })
		// a deleted done status still ends the work: its tickets are not open
		.filter((s) => !s.done);
	return [...open.map((s) => column(s, false)), ...strays.map((s) => column(s, true)), ...done.map((s) => column(s, false))];
}

/** The status a card moves to with ← or → (the neighbouring column that is a status now); null at the edge. */
export function neighbourStatus(columns: readonly BoardColumn<unknown>[], statusId: string, step: -1 | 1): string | null {
	const targets = columns.filter((c) => !c.stray);
	const at = targets.findIndex((c) => c.status.id === statusId);
	// a card in a column that is no status now goes back into the first one
	if (at < 0) return targets[0]?.status.id ?? null;
	return targets[at + step]?.status.id ?? null;
}
