import { addMonths, formatDay, parseDay, requireDay } from '../contracts/days.js';
import { availabilityOver, DEFAULT_CAPACITY, eachDate, type TimeOffSpan, type WeekCapacity } from './capacity.js';
import type { Person } from './workload.js';

/**
 * Utilization: of the hours a person had in a period (capacity less approved
 * time off), the share they logged as billable. Over 100% means billable work
 * beyond their hours (overtime); null when they had no hours at all.
 */

export interface LoggedTotals {
	userId: string;
	minutes: number;
	billableMinutes: number;
}

export interface UtilizationSources {
	from: string;
	to: string;
	people: readonly Person[];
	capacity: ReadonlyMap<string, WeekCapacity>;
	timeOff: readonly (TimeOffSpan & { userId: string })[];
	logged: readonly LoggedTotals[];
}

export interface UtilizationRow extends Person {
	capacityMinutes: number;
	timeOffMinutes: number;
	availableMinutes: number;
	loggedMinutes: number;
	billableMinutes: number;
	/** billable / available, 0.85 for 85%; null with nothing available */
	utilization: number | null;
}

export const utilizationOf = (billable: number, available: number): number | null => (available > 0 ? billable / available : null);

/** A row per person in the order given, and the team's totals (its utilization over everyone's hours). */
export function utilization(sources: UtilizationSources): { rows: UtilizationRow[]; total: Omit<UtilizationRow, keyof Person> } {
	const dates = eachDate(sources.from, sources.to);
	const logged = new Map(sources.logged.map((l) => [l.userId, l]));
	const rows = sources.people.map((person) => {
		const spans = sources.timeOff.filter((t) => t.userId === person.userId);
		const day = availabilityOver(sources.capacity.get(person.userId) ?? DEFAULT_CAPACITY, spans, dates);
		const own = logged.get(person.userId);
		const billableMinutes = own?.billableMinutes ?? 0;
		return {
			...person,
			capacityMinutes: day.capacity,
			timeOffMinutes: day.timeOff,
			availableMinutes: day.available,
			loggedMinutes: own?.minutes ?? 0,
			billableMinutes,
			utilization: utilizationOf(billableMinutes, day.available)
		};
	});
	const sum = (key: 'capacityMinutes' | 'timeOffMinutes' | 'availableMinutes' | 'loggedMinutes' | 'billableMinutes') => rows.reduce((n, r) => n + r[key], 0);
	const total = {
		capacityMinutes: sum('capacityMinutes'),
		timeOffMinutes: sum('timeOffMinutes'),
		availableMinutes: sum('availableMinutes'),
		loggedMinutes: sum('loggedMinutes'),
		billableMinutes: sum('billableMinutes')
	};
	return { rows, total: { ...total, utilization: utilizationOf(total.billableMinutes, total.availableMinutes) } };
}

/** the longest period the report covers at once */
export const MAX_PERIOD_DAYS = 366;

/** The calendar month `today` is in: its first and last day. */
export function monthOf(today: string): { from: string; to: string } {
	const first = requireDay(`${today.slice(0, 7)}-01`);
	return { from: formatDay(first), to: formatDay(addMonths(first, 1) - 1) };
}

/**
 * The period a request asks for: `from` and `to` (dates), or `month`
 * (YYYY-MM), or else the month of `today`. A message when it makes no sense.
 */
export function readPeriod(query: { from?: string | null; to?: string | null; month?: string | null }, today: string): { from: string; to: string; problem?: string } {
	if (query.month) {
		if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(query.month)) return { ...monthOf(today), problem: 'Give the month as YYYY-MM, like 2026-12.' };
		return monthOf(`${query.month}-01`);
	}
	if (!query.from && !query.to) return monthOf(today);
	const from = parseDay(query.from);
	const to = parseDay(query.to);
	if (from === null || to === null) return { ...monthOf(today), problem: 'Give both the first and the last day as dates like 2026-12-01.' };
	if (to < from) return { ...monthOf(today), problem: 'The last day is before the first.' };
	if (to - from + 1 > MAX_PERIOD_DAYS) return { ...monthOf(today), problem: 'Pick at most a year.' };
	return { from: formatDay(from), to: formatDay(to) };
}
