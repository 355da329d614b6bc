import { addDays, dispatchGrid, unscheduled, weekDays, weekStart, type Tech } from '#lib/domain/servicedesk/dispatch.js';
import { todayIn } from '#lib/domain/today.js';
import { changeWorkflow, moveVisit, scheduleVisit, ticketLabel, workflowValues } from '#lib/domain/ticket/edits.js';
import type { LocalTicket, LocalTicketVisit } from '../db.js';
import type { DeskData } from '../tickets/desk-data.svelte.js';
import { ALL_OPEN, matcher } from '../tickets/ticket-filter.js';
import { BoardSession } from './board-session.svelte.js';
import { NO_FILTER, type BoardQuery } from './status-board.svelte.js';

/** the documents of tickets booked this week and of the first unscheduled ones stay open (see HeldTickets) */
const HELD_TICKETS = 80;
/** tickets to schedule drawn before "Show more": a few dozen to drag from, not thousands */
const WAITING_SHOWN = 50;
/** the roles whose people are rows of the board */
const TECH_ROLES = new Set(['technician', 'dispatcher']);

/**
 * The dispatch board's state: technicians × the days of a week, the visits
 * booked in each cell (from the ticket documents' `visits`, through the row
 * index), and the open tickets nobody is booked for. Booking, moving and
 * removing a visit edit the ticket's document; everyone holding it sees the
 * change at once.
 */
export class DispatchBoard {
	/** any day of the week shown */
	week = $state('');
	query: BoardQuery = $state({ ...NO_FILTER });
	announcement = $state('');
	readonly today: string;
	readonly session = new BoardSession('dispatch', HELD_TICKETS, () => {
		const booked = this.grid.flatMap((row) => row.cells.flat().map((b) => b.ticket.docName));
		return [...new Set([...booked, ...this.waitingShown.map((t) => t.docName)])];
	});

	constructor(readonly timeZone: string) {
		this.today = todayIn(timeZone);
		this.week = weekStart(this.today);
	}

	get data(): DeskData | null {
		return this.session.data;
	}

	readonly days = $derived(weekDays(this.week));
	readonly ticketsById: ReadonlyMap<string, LocalTicket> = $derived(new Map((this.data?.tickets.rows ?? []).map((t) => [t.id, t])));
	readonly techs: Tech[] = $derived(
		(this.data?.team.members ?? []).filter((m) => TECH_ROLES.has(m.role)).map((m) => ({ userId: m.userId, name: m.name }))
	);
	readonly grid = $derived.by(() => {
		const data = this.data;
		if (!data) return [];
		return dispatchGrid(this.techs, this.ticketsById, data.visits.rows, this.days, (id) => data.team.nameOf(id) ?? id);
	});
	readonly waiting: LocalTicket[] = $derived.by(() => {
		const data = this.data;
		if (!data) return [];
		const include = matcher<LocalTicket>({ ...ALL_OPEN, ...this.query, assignee: '' }, { me: data.me, done: data.done, searchText: data.searchText, slaLeft: () => null });
		return unscheduled(data.tickets.rows.filter(include), data.visits.rows, data.done, this.today);
	});
	private waitingLimit = $state(WAITING_SHOWN);
	/** the tickets to schedule on screen */
	readonly waitingShown: LocalTicket[] = $derived(this.waiting.slice(0, this.waitingLimit));

	showMoreWaiting(): void {
		this.waitingLimit += WAITING_SHOWN;
	}

	readonly loaded = $derived(!!this.data?.tickets.loaded && !!this.data.visits.loaded);

	/** Follows the tickets and visits, holds the documents on screen, shows the person on the board. Returns the function that stops. */
	start(): () => void {
		return this.session.start();
	}

	/** Shows the week before (-1) or after (1), or this week (0). */
	shiftWeek(weeks: -1 | 0 | 1): void {
		this.week = weeks === 0 ? weekStart(this.today) : addDays(this.week, weeks * 7);
	}

	/** Books a ticket on a tech's day; a ticket nobody has is theirs from now on. */
	async book(ticket: LocalTicket, userId: string, day: string): Promise<void> {
		const author = { by: this.session.by };
		await this.session.edit(ticket.docName, (doc) =>
			doc.transact(() => {
				scheduleVisit(doc, { userId, day });
				if (!workflowValues(doc).assignee) changeWorkflow(doc, { assignee: userId }, author);
			})
		);
		this.announce(ticket.id, userId, day, 'booked for');
	}

	/** Moves a visit to another tech or day. */
	async move(visit: LocalTicketVisit, userId: string, day: string): Promise<void> {
		if (visit.userId === userId && visit.day === day) return;
		await this.session.edit(visit.docName, (doc) => moveVisit(doc, visit.id, { userId, day }));
		this.announce(visit.ticketId, userId, day, 'moved to');
	}

	async remove(visit: LocalTicketVisit): Promise<void> {
		await this.session.edit(visit.docName, (doc) => moveVisit(doc, visit.id, { deletedAt: new Date().toISOString() }));
		this.announcement = `Visit for ${this.label(visit.ticketId)} removed`;
	}

	set(patch: Partial<BoardQuery>): void {
		this.query = { ...this.query, ...patch };
	}

	label(ticketId: string): string {
		const ticket = this.ticketsById.get(ticketId);
		return ticket ? ticketLabel(ticket.number, ticket.id) : 'the ticket';
	}

	private announce(ticketId: string, userId: string, day: string, what: string) {
		this.announcement = `${this.label(ticketId)} ${what} ${this.data?.team.nameOf(userId) ?? 'a tech'} on ${day}`;
	}
}
