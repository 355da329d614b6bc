import { describe, expect, it } from 'vitest';
import type { TicketEvent } from '../ticket/events.js';
import { weekdays } from './business-time.js';
import { readSla, type SlaPolicy, type TicketClockInput } from './clock.js';

// New York, Monday to Friday 9:00–17:00 (EST in January: 9:00 = 14:00Z)
const policy: SlaPolicy = {
	calendar: weekdays('America/New_York', 9 * 60, 17 * 60),
	targets: { critical: { firstResponse: 60, resolution: 240 }, normal: { firstResponse: 240, resolution: 2400 }, low: { firstResponse: null, resolution: null } },
	pausedStatuses: new Set(['waiting-on-customer']),
	doneStatuses: new Set(['resolved', 'closed']),
	atRiskShare: 0.25
};

let n = 0;
const status = (at: string, value: string): TicketEvent => ({ id: `e${++n}`, at: `2026-01-12T${at}:00.000Z`, by: 'x', field: 'status', value });
const priority = (at: string, value: string): TicketEvent => ({ id: `e${++n}`, at: `2026-01-12T${at}:00.000Z`, by: 'x', field: 'priority', value });
// times in UTC on Monday 12 January 2026 (14:00Z is 9:00 in New York)
const ticket = (fields: Partial<TicketClockInput> = {}): TicketClockInput => ({ createdAt: '2026-01-12T14:00:00.000Z', firstResponseAt: null, priority: 'critical', events: [], ...fields });
const now = (time: string, day = '2026-01-12') => new Date(`${day}T${time}:00.000Z`);

describe('readSla', () => {
	it('runs both clocks from creation and says when each falls due', () => {
		const sla = readSla(policy, ticket(), now('14:30'));
		expect(sla.firstResponse).toEqual({ state: 'running', targetMinutes: 60, elapsedMinutes: 30, minutesLeft: 30, dueAt: '2026-01-12T15:00:00.000Z' });
		expect(sla.resolution).toMatchObject({ state: 'running', minutesLeft: 210, dueAt: '2026-01-12T18:00:00.000Z' });
	});

	it('is at risk with under a quarter of the target left, breached past it', () => {
		expect(readSla(policy, ticket(), now('14:50')).firstResponse).toMatchObject({ state: 'at-risk', minutesLeft: 10 });
		expect(readSla(policy, ticket(), now('15:30')).firstResponse).toMatchObject({ state: 'breached', minutesLeft: -30, dueAt: null });
	});

	it('stops the first response clock at the first answer: met in time, or missed', () => {
		expect(readSla(policy, ticket({ firstResponseAt: '2026-01-12T14:45:00.000Z' }), now('18:00')).firstResponse).toMatchObject({ state: 'met', elapsedMinutes: 45 });
		expect(readSla(policy, ticket({ firstResponseAt: '2026-01-12T15:30:00.000Z' }), now('18:00')).firstResponse).toMatchObject({ state: 'missed', minutesLeft: -30 });
	});

	it('counts business hours only: a ticket of Friday 16:30 has used 40 minutes by Monday 9:10', () => {
		const friday = ticket({ createdAt: '2026-01-09T21:30:00.000Z' });
		expect(readSla(policy, friday, now('14:10')).firstResponse).toMatchObject({ state: 'running', elapsedMinutes: 40, dueAt: '2026-01-12T14:30:00.000Z' });
	});

	it('does not count the time spent waiting on the customer', () => {
		const events = [status('14:00', 'new'), status('15:00', 'waiting-on-customer'), status('17:00', 'in-progress')];
		expect(readSla(policy, ticket({ events }), now('18:00')).resolution).toMatchObject({ state: 'running', elapsedMinutes: 120, dueAt: '2026-01-12T20:00:00.000Z' });
		// still waiting: paused, with no due time until it moves again
		expect(readSla(policy, ticket({ events: events.slice(0, 2) }), now('17:00')).resolution).toMatchObject({ state: 'paused', elapsedMinutes: 60, dueAt: null });
		// the first response clock does not pause
		expect(readSla(policy, ticket({ events }), now('18:00')).firstResponse).toMatchObject({ state: 'breached' });
	});

	it('stops while resolved and runs on after a reopening', () => {
		const resolved = [status('14:00', 'new'), status('16:00', 'resolved')];
		expect(readSla(policy, ticket({ events: resolved }), now('21:00')).resolution).toMatchObject({ state: 'met', elapsedMinutes: 120 });
		const reopened = [...resolved, status('19:00', 'in-progress')];
		expect(readSla(policy, ticket({ events: reopened }), now('20:00')).resolution).toMatchObject({ state: 'at-risk', elapsedMinutes: 180, minutesLeft: 60 });
	});

	it('follows the current priority, counted from creation', () => {
		const raised = ticket({ priority: 'normal', events: [priority('14:30', 'critical')] });
		expect(readSla(policy, raised, now('15:30')).firstResponse).toMatchObject({ state: 'breached', targetMinutes: 60, elapsedMinutes: 90 });
		expect(readSla(policy, ticket({ priority: 'normal' }), now('15:30')).firstResponse).toMatchObject({ state: 'running', targetMinutes: 240 });
	});

	it('has no clock for a priority without targets', () => {
		expect(readSla(policy, ticket({ priority: 'low' }), now('15:30'))).toEqual({ firstResponse: null, resolution: null });
	});

	it('orders a stale offline change by its time: resolving at 10:00 offline does not undo a reopening at 11:00', () => {
		// the offline "resolved" reaches the log after the reopening, but happened before it
		const events = [status('14:00', 'new'), status('16:00', 'in-progress'), status('15:00', 'resolved')];
		expect(readSla(policy, ticket({ events }), now('17:00')).resolution).toMatchObject({ state: 'running', elapsedMinutes: 120 });
	});
});
