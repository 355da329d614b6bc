import { formatDay, requireDay } from '../contracts/days.js';
import { compareCards, type BoardTicket } from './board.js';

/**
 * The dispatch board: technicians × the days of a week, each cell the visits
 * (a ticket on a tech's day, the ticket document's `visits`) booked there, and
 * beside it the open tickets no one is booked for yet. The tech's own view,
 * "My schedule", is the same visits by day for one person.
 */

/** What the board needs of a visit row. */
export interface DispatchVisit {
	id: string;
	ticketId: string;
	userId: string;
	day: string;
	startMinute: number | null;
	deletedAt: string | null;
}

export interface DispatchTicket extends BoardTicket {
	assignee: string | null;
}

export interface Tech {
	userId: string;
	name: string;
}

export interface Booking<T, V> {
	visit: V;
	ticket: T;
}

export interface TechRow<T, V> {
	tech: Tech;
	/** one per day of the week, in order */
	cells: Booking<T, V>[][];
}

/** The Monday of the week a day is in (weeks start on Monday, as ISO 8601 has them), YYYY-MM-DD. */
export function weekStart(day: string): string {
	const n = requireDay(day);
	// day 0, 1970-01-01, was a Thursday
	return formatDay(n - ((((n + 3) % 7) + 7) % 7));
}

/** The seven days of the week `day` is in, Monday first. */
export function weekDays(day: string): string[] {
	const monday = requireDay(weekStart(day));
	return Array.from({ length: 7 }, (_, i) => formatDay(monday + i));
}

/** A day some days later (or earlier). */
export function addDays(day: string, days: number): string {
	return formatDay(requireDay(day) + days);
}

const byTime = <T extends BoardTicket, V extends DispatchVisit>(a: Booking<T, V>, b: Booking<T, V>) =>
	(a.visit.startMinute ?? -1) - (b.visit.startMinute ?? -1) || compareCards(a.ticket, b.ticket) || (a.visit.id < b.visit.id ? -1 : 1);

/** Live visits of live tickets, each with its ticket. */
function bookings<T extends DispatchTicket, V extends DispatchVisit>(tickets: ReadonlyMap<string, T>, visits: Iterable<V>): Booking<T, V>[] {
	const out: Booking<T, V>[] = [];
	for (const visit of visits) {
		const ticket = tickets.get(visit.ticketId);
		if (!visit.deletedAt && ticket && !ticket.deletedAt) out.push({ visit, ticket });
	}
	return out;
}

/**
 * The grid of one week: a row per tech, in the order given; someone booked
 * that week who is not among `techs` (no longer a technician, or gone) gets a
 * row too, so no visit is hidden.
 */
export function dispatchGrid<T extends DispatchTicket, V extends DispatchVisit>(
	techs: readonly Tech[],
	tickets: ReadonlyMap<string, T>,
	visits: Iterable<V>,
	days: readonly string[],
	nameOf: (userId: string) => string
): TechRow<T, V>[] {
	const column = new Map(days.map((day, i) => [day, i]));
	const rows = new Map<string, TechRow<T, V>>(techs.map((tech) => [tech.userId, { tech, cells: days.map(() => []) }]));
	for (const booking of bookings(tickets, visits)) {
		const at = column.get(booking.visit.day);
		if (at === undefined) continue;
		let row = rows.get(booking.visit.userId);
		if (!row) {
			row = { tech: { userId: booking.visit.userId, name: nameOf(booking.visit.userId) }, cells: days.map(() => []) };
			rows.set(booking.visit.userId, row);
		}
		row.cells[at].push(booking);
	}
	for (const row of rows.values()) for (const cell of row.cells) cell.sort(byTime);
	return [...rows.values()];
}

/** Open tickets no one is booked for from `today` on: what is left to schedule, most urgent first. */
export function unscheduled<T extends DispatchTicket>(tickets: Iterable<T>, visits: Iterable<DispatchVisit>, done: ReadonlySet<string>, today: string): T[] {
	const booked = new Set<string>();
	for (const visit of visits) if (!visit.deletedAt && visit.day >= today) booked.add(visit.ticketId);
	const out: T[] = [];
	for (const ticket of tickets) {
		if (!ticket.deletedAt && !booked.has(ticket.id) && !(ticket.status !== null && done.has(ticket.status))) out.push(ticket);
	}
	return out.sort(compareCards);
}

export interface ScheduleDay<T, V> {
	day: string;
	bookings: Booking<T, V>[];
}

/** One person's visits by day from `from` for `days` days, days without visits left out. */
export function mySchedule<T extends DispatchTicket, V extends DispatchVisit>(userId: string, tickets: ReadonlyMap<string, T>, visits: Iterable<V>, from: string, days: number): ScheduleDay<T, V>[] {
	const last = addDays(from, days - 1);
	const byDay = new Map<string, Booking<T, V>[]>();
	for (const booking of bookings(tickets, visits)) {
		const { day } = booking.visit;
		if (booking.visit.userId !== userId || day < from || day > last) continue;
		const list = byDay.get(day);
		if (list) list.push(booking);
		else byDay.set(day, [booking]);
	}
	return [...byDay.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([day, list]) => ({ day, bookings: list.sort(byTime) }));
}

/** A visit's start as a clock time, "09:30"; null for "some time that day". */
export function clockOf(minute: number | null): string | null {
	if (minute === null) return null;
	return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}
