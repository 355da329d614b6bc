import type { ClockReading, SlaReading } from '#lib/domain/sla/clock.js';

/**
 * What a list row and the ticket page say of a ticket's SLA: the clock that
 * matters now (the first response until it is given, then resolution), as a
 * tone and a few words.
 */

export type SlaTone = 'ok' | 'risk' | 'breached' | 'paused' | 'done';

export interface SlaBadge {
	tone: SlaTone;
	text: string;
	/** which clock it is about */
	clock: 'first response' | 'resolution';
}

/** Business minutes as "2h 05m", "45m", "3d 4h" (a business day counted as 24 hours of the clock would mislead: hours stay hours up to 48). */
export function formatMinutes(minutes: number): string {
	const m = Math.abs(Math.round(minutes));
	if (m < 60) return `${m}m`;
	const hours = Math.floor(m / 60);
	if (hours < 48) return `${hours}h ${String(m % 60).padStart(2, '0')}m`;
	return `${Math.floor(hours / 24)}d ${hours % 24}h`;
}

export function clockText(clock: ClockReading): { tone: SlaTone; text: string } {
	switch (clock.state) {
		case 'breached':
			return { tone: 'breached', text: `Breached ${formatMinutes(clock.minutesLeft)} ago` };
		case 'at-risk':
			return { tone: 'risk', text: `At risk · ${formatMinutes(clock.minutesLeft)} left` };
		case 'paused':
			return { tone: 'paused', text: `Paused · ${formatMinutes(clock.minutesLeft)} left` };
		case 'met':
			return { tone: 'done', text: 'Met' };
		case 'missed':
			return { tone: 'breached', text: `Missed by ${formatMinutes(clock.minutesLeft)}` };
		default:
			return { tone: 'ok', text: `${formatMinutes(clock.minutesLeft)} left` };
	}
}

const STOPPED = new Set(['met', 'missed']);

/** The clock that matters: a first response still owed, else resolution; null without a clock. */
export function mainClock(reading: SlaReading | null): { clock: ClockReading; name: SlaBadge['clock'] } | null {
	if (!reading) return null;
	if (reading.firstResponse && !STOPPED.has(reading.firstResponse.state)) return { clock: reading.firstResponse, name: 'first response' };
	if (reading.resolution) return { clock: reading.resolution, name: 'resolution' };
	return reading.firstResponse ? { clock: reading.firstResponse, name: 'first response' } : null;
}

export function slaBadge(reading: SlaReading | null): SlaBadge | null {
	const main = mainClock(reading);
	return main ? { ...clockText(main.clock), clock: main.name } : null;
}

/** The sort key of "SLA time left": breached ones first (most overdue first), tickets without a running clock last. */
export function slaLeft(reading: SlaReading | null): number | null {
	const main = mainClock(reading);
	return main && !STOPPED.has(main.clock.state) ? main.clock.minutesLeft : null;
}
