import { describe, expect, it } from 'vitest';
import { addDays, dispatchGrid, mySchedule, unscheduled, weekDays, weekStart, type DispatchTicket, type DispatchVisit } from './dispatch.js';

const ticket = (id: string, fields: Partial<DispatchTicket> = {}): DispatchTicket => ({
	id,
	status: 'new',
	priority: 'normal',
	assignee: null,
	createdAt: '2026-11-20T09:00:00.000Z',
	statusSince: null,
	deletedAt: null,
	...fields
});
let n = 0;
const visit = (ticketId: string, userId: string, day: string, fields: Partial<DispatchVisit> = {}): DispatchVisit => ({
	id: `v${++n}`,
	ticketId,
	userId,
	day,
	startMinute: null,
	deletedAt: null,
	...fields
});
const byId = (...tickets: DispatchTicket[]) => new Map(tickets.map((t) => [t.id, t]));
const done = new Set(['resolved', 'closed']);

describe('weeks', () => {
	it('start on Monday, across months and years', () => {
		expect(weekStart('2026-11-26')).toBe('2026-11-23');
		expect(weekStart('2026-11-23')).toBe('2026-11-23');
		expect(weekStart('2026-11-29')).toBe('2026-11-23');
		expect(weekStart('2027-01-01')).toBe('2026-12-28');
		expect(weekStart('1970-01-01')).toBe('1969-12-29');
		expect(weekDays('2026-12-30')).toEqual(['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']);
		expect(addDays('2026-11-23', -7)).toBe('2026-11-16');
	});
});

describe('the dispatch board', () => {
	const days = weekDays('2026-11-23');
	const techs = [
		{ userId: 'joe', name: 'Joe' },
		{ userId: 'ann', name: 'Ann' }
	];

	it('puts each visit in its tech’s day, by time, and leaves out removed visits and other weeks', () => {
		const a = ticket('a');
		const b = ticket('b', { priority: 'critical' });
		const c = ticket('c');
		const visits = [
			visit('a', 'joe', '2026-11-24', { startMinute: 600 }),
			visit('b', 'joe', '2026-11-24'),
			visit('c', 'joe', '2026-11-24', { startMinute: 540 }),
			visit('a', 'ann', '2026-11-23', { deletedAt: '2026-11-22T00:00:00.000Z' }),
			visit('a', 'ann', '2026-12-01')
		];
		const grid = dispatchGrid(techs, byId(a, b, c), visits, days, () => '?');
		expect(grid.map((row) => row.tech.name)).toEqual(['Joe', 'Ann']);
		expect(grid[0].cells[1].map((booking) => booking.ticket.id)).toEqual(['b', 'c', 'a']);
		expect(grid[1].cells.every((cell) => cell.length === 0)).toBe(true);
	});

	it('shows a row for someone booked who is not a tech (any more)', () => {
		const grid = dispatchGrid(techs, byId(ticket('a')), [visit('a', 'kim', '2026-11-25')], days, (id) => `Former ${id}`);
		expect(grid.map((row) => row.tech.name)).toEqual(['Joe', 'Ann', 'Former kim']);
		expect(grid[2].cells[2]).toHaveLength(1);
	});

	it('lists the open tickets no one is booked for from today on', () => {
		const tickets = [ticket('booked'), ticket('past'), ticket('free', { createdAt: '2026-11-01T00:00:00.000Z' }), ticket('urgent', { priority: 'high' }), ticket('done', { status: 'resolved' }), ticket('gone', { deletedAt: '2026-11-21T00:00:00.000Z' })];
		const visits = [visit('booked', 'joe', '2026-11-26'), visit('past', 'joe', '2026-11-20'), visit('free', 'joe', '2026-11-27', { deletedAt: '2026-11-22T00:00:00.000Z' })];
		expect(unscheduled(tickets, visits, done, '2026-11-23').map((t) => t.id)).toEqual(['urgent', 'free', 'past']);
	});

	it('gives a tech their own visits by day', () => {
		const a = ticket('a');
		const b = ticket('b', { status: 'resolved' });
		const visits = [visit('a', 'joe', '2026-11-25'), visit('b', 'joe', '2026-11-23'), visit('a', 'ann', '2026-11-24'), visit('a', 'joe', '2026-12-20'), visit('b', 'joe', '2026-11-22')];
		const schedule = mySchedule('joe', byId(a, b), visits, '2026-11-23', 14);
		expect(schedule.map((day) => [day.day, day.bookings.map((x) => x.ticket.id)])).toEqual([
			['2026-11-23', ['b']],
			['2026-11-25', ['a']]
		]);
	});
});
