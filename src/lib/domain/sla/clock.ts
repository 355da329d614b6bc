import { valueSpans, type FirstSeen, type TicketEvent } from '../ticket/events.js';
import { addBusinessMinutes, businessMinutesBetween, type BusinessCalendar, type Span } from './business-time.js';

/**
 * A ticket's SLA clocks (DESIGN.md §5): first response and resolution targets
 * of the ticket's current priority, counted in the policy's business hours,
 * from the ticket's event log. The resolution clock stops in the statuses the
 * tenant marks as paused ("Waiting on customer") and while the ticket is done
 * (resolved, closed); reopening starts it again where it stopped. The first
 * response clock never pauses: a customer waits for a first answer whatever
 * the status says.
 */

export interface SlaTargets {
	/** business minutes to the first response; null: no target */
	firstResponse: number | null;
	resolution: number | null;
}

export interface SlaPolicy {
	calendar: BusinessCalendar;
	/** targets by priority (low, normal, high, critical …) */
	targets: Readonly<Record<string, SlaTargets>>;
	pausedStatuses: ReadonlySet<string>;
	doneStatuses: ReadonlySet<string>;
	/** a running clock with less than this share of its target left is at risk */
	atRiskShare: number;
}

export interface TicketClockInput {
	createdAt: string;
	/** when staff first answered the customer; null until then */
	firstResponseAt: string | null;
	/** the priority when the log has none */
	priority: string;
	events: readonly TicketEvent[];
	firstSeen?: FirstSeen;
}

export type ClockState = 'running' | 'at-risk' | 'paused' | 'breached' | 'met' | 'missed';

export interface ClockReading {
	state: ClockState;
	targetMinutes: number;
	elapsedMinutes: number;
	/** business minutes left (negative once breached) */
	minutesLeft: number;
	/** when a running clock falls due; null while paused or stopped */
	dueAt: string | null;
}

export interface SlaReading {
	firstResponse: ClockReading | null;
	resolution: ClockReading | null;
}

const ms = (iso: string) => Date.parse(iso);

/** The spans the resolution clock stood still, up to `now`: paused or done statuses. */
function stoppedSpans(policy: SlaPolicy, input: TicketClockInput, now: number): { spans: Span[]; pausedNow: boolean; doneNow: boolean } {
	const spans: Span[] = [];
	let status: string | null = null;
	for (const span of valueSpans(input.events, 'status', input.firstSeen)) {
		status = span.value;
		if (status === null || !(policy.pausedStatuses.has(status) || policy.doneStatuses.has(status))) continue;
		const start = ms(span.start);
		const end = span.end === null ? now : Math.min(ms(span.end), now);
		if (end <= start) continue;
		const last = spans.at(-1);
		if (last && last[1] >= start) spans[spans.length - 1] = [last[0], Math.max(last[1], end)];
		else spans.push([start, end]);
	}
	return { spans, pausedNow: status !== null && policy.pausedStatuses.has(status), doneNow: status !== null && policy.doneStatuses.has(status) };
}

function read(policy: SlaPolicy, target: number, from: number, now: number, pauses: Span[], stopped: { at: number } | null, pausedNow: boolean): ClockReading {
	const end = stopped ? stopped.at : now;
	const elapsedMinutes = businessMinutesBetween(policy.calendar, from, end, pauses);
	const minutesLeft = target - elapsedMinutes;
	if (stopped) return { state: minutesLeft >= 0 ? 'met' : 'missed', targetMinutes: target, elapsedMinutes, minutesLeft, dueAt: null };
	if (minutesLeft < 0) return { state: 'breached', targetMinutes: target, elapsedMinutes, minutesLeft, dueAt: null };
	if (pausedNow) return { state: 'paused', targetMinutes: target, elapsedMinutes, minutesLeft, dueAt: null };
	const due = addBusinessMinutes(policy.calendar, now, minutesLeft);
	return {
		state: minutesLeft <= target * policy.atRiskShare ? 'at-risk' : 'running',
		targetMinutes: target,
		elapsedMinutes,
		minutesLeft,
		dueAt: due === null ? null : new Date(due).toISOString()
	};
}

/** The ticket's SLA clocks at `now`. */
export function readSla(policy: SlaPolicy, input: TicketClockInput, now: Date): SlaReading {
	const at = now.getTime();
	const from = ms(input.createdAt);
	const priority = lastValue(input, 'priority') ?? input.priority;
	const targets = policy.targets[priority] ?? { firstResponse: null, resolution: null };
	const stops = stoppedSpans(policy, input, at);
	const firstResponse =
		targets.firstResponse === null
			? null
			: read(policy, targets.firstResponse, from, at, [], input.firstResponseAt ? { at: ms(input.firstResponseAt) } : null, false);
	const resolution =
		targets.resolution === null
			? null
			: read(policy, targets.resolution, from, at, stops.spans, stops.doneNow ? { at } : null, stops.pausedNow);
	return { firstResponse, resolution };
}

function lastValue(input: TicketClockInput, field: 'priority'): string | null {
	return valueSpans(input.events, field, input.firstSeen).at(-1)?.value ?? null;
}
