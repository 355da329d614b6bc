import { describe, expect, it } from 'vitest';
import type { ClockReading } from '#lib/domain/sla/clock.js';
import { formatMinutes, slaBadge, slaLeft } from './sla-badge.js';

const clock = (state: ClockReading['state'], minutesLeft: number): ClockReading => ({ state, minutesLeft, targetMinutes: 240, elapsedMinutes: 240 - minutesLeft, dueAt: null });

describe('the SLA badge', () => {
	it('speaks of the first response until it is given, then of resolution', () => {
		expect(slaBadge({ firstResponse: clock('at-risk', 10), resolution: clock('running', 200) })).toEqual({ tone: 'risk', text: 'At risk · 10m left', clock: 'first response' });
		expect(slaBadge({ firstResponse: clock('met', 20), resolution: clock('running', 200) })).toEqual({ tone: 'ok', text: '3h 20m left', clock: 'resolution' });
		expect(slaBadge({ firstResponse: clock('met', 20), resolution: clock('breached', -75) })).toEqual({ tone: 'breached', text: 'Breached 1h 15m ago', clock: 'resolution' });
		expect(slaBadge({ firstResponse: null, resolution: clock('paused', 90) })?.text).toBe('Paused · 1h 30m left');
		expect(slaBadge({ firstResponse: clock('met', 1), resolution: null })).toEqual({ tone: 'done', text: 'Met', clock: 'first response' });
		expect(slaBadge(null)).toBeNull();
	});

	it('sorts by the minutes left of a clock still running or owed', () => {
		expect(slaLeft({ firstResponse: clock('breached', -5), resolution: clock('running', 100) })).toBe(-5);
		expect(slaLeft({ firstResponse: null, resolution: clock('met', 100) })).toBeNull();
	});

	it('writes durations people read at a glance', () => {
		expect(formatMinutes(45)).toBe('45m');
		expect(formatMinutes(-125)).toBe('2h 05m');
		expect(formatMinutes(60 * 50)).toBe('2d 2h');
	});
});
