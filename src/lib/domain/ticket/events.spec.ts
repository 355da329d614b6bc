import { describe, expect, it } from 'vitest';
import { currentValues, effectiveAt, orderedEvents, valueSpans, type TicketEvent } from './events.js';

const event = (id: string, at: string, field: TicketEvent['field'], value: string | null, by = 'dana'): TicketEvent => ({ id, at, by, field, value });

describe('currentValues', () => {
	it('takes the latest event of each field, and null for a field never set', () => {
		const log = [
			event('e1', '2026-12-01T09:00:00.000Z', 'status', 'new'),
			event('e2', '2026-12-01T10:00:00.000Z', 'status', 'in-progress'),
			event('e3', '2026-12-01T09:30:00.000Z', 'priority', 'high')
		];
		expect(currentValues(log)).toEqual({ status: 'in-progress', priority: 'high', assignee: null, queue: null });
	});

	it('lets a stale offline change lose to a later one, whatever order the log holds them in', () => {
		// the tech set "waiting" at 9:00 offline; the dispatcher set "in-progress" at 11:00; the tech's arrives last
		const log = [event('b', '2026-12-01T11:00:00.000Z', 'status', 'in-progress', 'dispatcher'), event('a', '2026-12-01T09:00:00.000Z', 'status', 'waiting', 'tech')];
		expect(currentValues(log).status).toBe('in-progress');
		expect(currentValues([...log].reverse()).status).toBe('in-progress');
	});

	it('breaks a tie of times by id, the same way on every replica', () => {
		const log = [event('x2', '2026-12-01T10:00:00.000Z', 'assignee', 'joe'), event('x1', '2026-12-01T10:00:00.000Z', 'assignee', 'ann')];
		expect(currentValues(log).assignee).toBe('joe');
		expect(currentValues([...log].reverse()).assignee).toBe('joe');
	});

	it('does not let a clock set in the future win: the server saw the event earlier', () => {
		const fast = event('f', '2027-01-01T00:00:00.000Z', 'status', 'closed', 'tech with a wrong clock');
		const real = event('r', '2026-12-01T12:00:00.000Z', 'status', 'in-progress', 'dispatcher');
		expect(currentValues([fast, real]).status).toBe('closed');
		const firstSeen = new Map([['f', '2026-12-01T11:00:00.000Z']]);
		expect(effectiveAt(fast, firstSeen)).toBe('2026-12-01T11:00:00.000Z');
		expect(currentValues([fast, real], firstSeen).status).toBe('in-progress');
		// an event made offline earlier than the server saw it keeps its own time
		expect(effectiveAt(real, new Map([['r', '2026-12-02T08:00:00.000Z']]))).toBe(real.at);
	});
});

describe('orderedEvents and valueSpans', () => {
	it('order the log by effective time and give each value its span', () => {
		const log = [
			event('s3', '2026-12-01T12:00:00.000Z', 'status', 'in-progress'),
			event('s1', '2026-12-01T09:00:00.000Z', 'status', 'new'),
			event('p1', '2026-12-01T09:05:00.000Z', 'priority', 'low'),
			event('s2', '2026-12-01T10:00:00.000Z', 'status', 'waiting')
		];
		expect(orderedEvents(log).map((e) => e.id)).toEqual(['s1', 'p1', 's2', 's3']);
		expect(valueSpans(log, 'status')).toEqual([
			{ value: 'new', start: '2026-12-01T09:00:00.000Z', end: '2026-12-01T10:00:00.000Z' },
			{ value: 'waiting', start: '2026-12-01T10:00:00.000Z', end: '2026-12-01T12:00:00.000Z' },
			{ value: 'in-progress', start: '2026-12-01T12:00:00.000Z', end: null }
		]);
	});
});
