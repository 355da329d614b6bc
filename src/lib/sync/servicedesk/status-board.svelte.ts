import { boardColumns, neighbourStatus, type BoardColumn } from '#lib/domain/servicedesk/board.js';
import { ranked } from '#lib/domain/servicedesk/ordering.js';
import { changeWorkflow, ticketLabel } from '#lib/domain/ticket/edits.js';
import type { LocalTicket } from '../db.js';
import type { DeskData } from '../tickets/desk-data.svelte.js';
import { slaBadge, type SlaBadge } from '../tickets/sla-badge.js';
import { ALL_OPEN, matcher, type TicketQuery } from '../tickets/ticket-filter.js';
import { BoardSession } from './board-session.svelte.js';

/** The board's filters: the list's, less status (the columns are the statuses) and sort (cards sort themselves). */
export type BoardQuery = Pick<TicketQuery, 'search' | 'queue' | 'assignee' | 'customer'>;
export const NO_FILTER: BoardQuery = { search: '', queue: '', assignee: '', customer: '' };

/** cards whose documents stay open, so others' moves show at once (see HeldTickets) */
const HELD_CARDS = 80;
/** cards a column draws before "Show more": a board of thousands of open tickets stays quick */
export const CARDS_SHOWN = 50;
/** a done column shows what reached it in the last week */
const RECENT_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * The status board's state: the ticket rows in memory (DeskData) as columns,
 * the filters, who else is here, and the moves. A move appends a status event
 * to the ticket's document; the card shows in its new column at once (until
 * the row index has re-projected the document) and for everyone holding the
 * document a moment later.
 */
export class StatusBoard {
	query: BoardQuery = $state({ ...NO_FILTER });
	/** done columns opened by the person */
	expanded: ReadonlySet<string> = $state.raw(new Set());
	/** how many cards a column draws, where the person asked for more */
	private shownMore: ReadonlyMap<string, number> = $state.raw(new Map());
	/** what a screen reader hears after a move */
	announcement = $state('');
	readonly session = new BoardSession('status', HELD_CARDS, () =>
		this.columns.filter((c) => !c.done).flatMap((c) => this.shown(c).map((card) => card.docName))
	);
	/** moves made here that the row index has not caught up with: the row as it was, and where it went */
	private moves: ReadonlyMap<string, { row: LocalTicket; status: string; at: string }> = $state.raw(new Map());
	private recentSince = $state(new Date(Date.now() - RECENT_MS).toISOString());

	get data(): DeskData | null {
		return this.session.data;
	}

	readonly statuses = $derived(ranked(this.data?.desk?.statuses ?? []));

	readonly columns: BoardColumn<LocalTicket>[] = $derived.by(() => {
		const data = this.data;
		if (!data) return [];
		const include = matcher<LocalTicket>({ ...ALL_OPEN, ...this.query, status: 'any' }, { me: data.me, done: data.done, searchText: data.searchText, slaLeft: () => null });
		const moves = this.moves;
		const rows = moves.size === 0 ? data.tickets.rows : data.tickets.rows.map((row) => this.moved(row, moves));
		return boardColumns(this.statuses, rows, { include, recentSince: this.recentSince, allStatuses: data.desk?.statuses ?? [] });
	});

	readonly loaded = $derived(!!this.data?.tickets.loaded && !!this.data.desk);

	/** Follows the tickets, holds the documents of the cards shown, and shows the person on the board. Returns the function that stops. */
	start(): () => void {
		const stop = this.session.start();
		const clock = setInterval(() => (this.recentSince = new Date(Date.now() - RECENT_MS).toISOString()), 60_000);
		return () => {
			clearInterval(clock);
			stop();
		};
	}

	// a card moved here shows where it went until its row is read again from the index
	private moved(row: LocalTicket, moves: ReadonlyMap<string, { row: LocalTicket; status: string; at: string }>): LocalTicket {
		const move = moves.get(row.id);
		return move && move.row === row ? { ...row, status: move.status, statusSince: move.at } : row;
	}

	/** Moves a card to another status: one event in the ticket's log, by this person. */
	async move(card: LocalTicket, status: string): Promise<void> {
		const data = this.data;
		if (!data || card.status === status) return;
		const original = data.tickets.rows.find((r) => r.id === card.id) ?? card;
		const at = new Date();
		this.moves = new Map(this.moves).set(card.id, { row: original, status, at: at.toISOString() });
		const name = this.statuses.find((s) => s.id === status)?.name ?? status;
		this.announcement = `${ticketLabel(card.number, card.id)} moved to ${name}`;
		await this.session.edit(card.docName, (doc) => changeWorkflow(doc, { status }, { by: this.session.by, at }));
	}

	/** The card one column to the left (-1) or right (1), from the keyboard; false at the edge. */
	async step(card: LocalTicket, step: -1 | 1): Promise<boolean> {
		const target = neighbourStatus(this.columns, card.status ?? 'new', step);
		if (!target) return false;
		await this.move(card, target);
		return true;
	}

	/** The cards a column draws now. */
	shown(column: BoardColumn<LocalTicket>): LocalTicket[] {
		return column.cards.slice(0, this.shownMore.get(column.status.id) ?? CARDS_SHOWN);
	}

	showMore(statusId: string): void {
		this.shownMore = new Map(this.shownMore).set(statusId, (this.shownMore.get(statusId) ?? CARDS_SHOWN) + CARDS_SHOWN);
	}

	toggle(statusId: string): void {
		const next = new Set(this.expanded);
		if (!next.delete(statusId)) next.add(statusId);
		this.expanded = next;
	}

	set(patch: Partial<BoardQuery>): void {
		this.query = { ...this.query, ...patch };
	}

	get filtering(): boolean {
		return Object.values(this.query).some((v) => v.trim() !== '');
	}

	badge(row: LocalTicket): SlaBadge | null {
		// the reading is kept per row as the index has it (a moved card's copy would miss it)
		const original = this.moves.get(row.id)?.row ?? row;
		return this.data ? slaBadge(this.data.sla.reading(original)) : null;
	}
}
