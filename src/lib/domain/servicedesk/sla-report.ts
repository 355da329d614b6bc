import { todayIn } from '../today.js';
import { TICKET_PRIORITIES } from '../ticket/schema.js';
import type { ClockReading } from '../sla/clock.js';
import type { DayContext, DayTicket } from './day-cards.js';
import { ticketSla } from './ticket-sla.js';

/**
 * SLA compliance: of the tickets opened in a period, how many met their first
 * response and resolution targets, week by week (weeks start on Monday where
 * the tenant is) and by priority. A target is decided once the clock stopped
 * (met or missed) or ran out (breached counts as missed); a running or paused
 * clock is still open. Tickets without a target are not counted.
 */

export interface Tally {
	met: number;
	missed: number;
	open: number;
}

export interface ComplianceRow {
	firstResponse: Tally;
	resolution: Tally;
}

export interface SlaReport {
	weeks: (ComplianceRow & { week: string })[];
	priorities: (ComplianceRow & { priority: string })[];
	total: ComplianceRow;
}

// most urgent first; a priority the tenant made up goes last
const rankOf = (priority: string) => {
	const i = TICKET_PRIORITIES.indexOf(priority as (typeof TICKET_PRIORITIES)[number]);
	return i === -1 ? 99 : -i;
};

const tally = (): Tally => ({ met: 0, missed: 0, open: 0 });
const row = (): ComplianceRow => ({ firstResponse: tally(), resolution: tally() });

/** Met ÷ decided, or null while nothing is decided. */
export function compliance(t: Tally): number | null {
	return t.met + t.missed === 0 ? null : t.met / (t.met + t.missed);
}

function count(t: Tally, clock: ClockReading | null) {
	if (!clock) return;
	if (clock.state === 'met') t.met++;
	else if (clock.state === 'missed' || clock.state === 'breached') t.missed++;
	else t.open++;
}

/** The Monday (YYYY-MM-DD) of the week an instant falls in, where the tenant is. */
export function weekOf(iso: string, timeZone: string): string {
	const day = new Date(`${todayIn(timeZone, new Date(iso))}T00:00:00.000Z`);
	day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
	return day.toISOString().slice(0, 10);
}

/** The report over the tickets opened in the `weeks` weeks up to now (this week included). */
export function slaReport(tickets: readonly DayTicket[], context: DayContext, weeks = 12): SlaReport {
	const last = weekOf(context.now.toISOString(), context.timeZone);
	const start = new Date(`${last}T00:00:00.000Z`);
	start.setUTCDate(start.getUTCDate() - 7 * (weeks - 1));
	const byWeek = new Map<string, ComplianceRow>();
	for (let i = 0; i < weeks; i++) byWeek.set(new Date(start.getTime() + i * 7 * 86_400_000).toISOString().slice(0, 10), row());
	const byPriority = new Map<string, ComplianceRow>();
	const total = row();
	for (const ticket of tickets) {
		if (!ticket.createdAt) continue;
		const week = byWeek.get(weekOf(ticket.createdAt, context.timeZone));
		if (!week) continue;
		const sla = ticketSla(context.desk, ticket, context.policyOf(ticket.customerId), context.now);
		if (!sla || (!sla.firstResponse && !sla.resolution)) continue;
		const priority = ticket.slaLog.findLast(([, field]) => field === 'priority')?.[2] ?? ticket.priority ?? 'normal';
		if (!byPriority.has(priority)) byPriority.set(priority, row());
		for (const target of [week, byPriority.get(priority)!, total]) {
			count(target.firstResponse, sla.firstResponse);
			count(target.resolution, sla.resolution);
		}
	}
	return {
		weeks: [...byWeek].map(([week, r]) => ({ week, ...r })),
		priorities: [...byPriority].map(([priority, r]) => ({ priority, ...r })).sort((a, b) => rankOf(a.priority) - rankOf(b.priority)),
		total
	};
}
