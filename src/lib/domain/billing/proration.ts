import { addMonths, formatDay, requireDay, type Day } from '../contracts/days.js';
import { divideRounded } from './rounding.js';

/**
 * Recurring charges for part of a billing cycle: the cycle's price times the
 * days served over the days in the cycle, rounded once by the rule
 * (rounding.ts). A cycle is a calendar month, quarter or year starting on its
 * first day; a service that starts or ends inside one is billed for the days
 * it runs, both ends included.
 */

export type BillingCycle = 'monthly' | 'quarterly' | 'annual';

const CYCLE_MONTHS: Record<BillingCycle, number> = { monthly: 1, quarterly: 3, annual: 12 };

export interface CycleSpan {
	/** first day of the cycle */
	start: string;
	/** last day of the cycle */
	end: string;
}

/** The cycle a date falls in: its month, its calendar quarter (Jan–Mar …) or its year. */
export function cycleOf(date: string, cycle: BillingCycle): CycleSpan {
	const [year, month] = date.split('-').map(Number);
	const months = CYCLE_MONTHS[cycle];
	const firstMonth = Math.floor((month - 1) / months) * months + 1;
	const start = requireDay(`${year}-${String(firstMonth).padStart(2, '0')}-01`);
	return { start: formatDay(start), end: formatDay(addMonths(start, months) - 1) };
}

const span = (from: Day, to: Day) => Math.max(0, to - from + 1);

/**
 * The charge for the days of `cycle` a service runs, from `serviceStart` to
 * `serviceEnd` (null: still running), for a full-cycle `price`.
 */
export function proratedCharge(price: number, cycle: CycleSpan, serviceStart: string, serviceEnd: string | null): number {
	const [start, end] = [requireDay(cycle.start), requireDay(cycle.end)];
	const from = Math.max(start, requireDay(serviceStart));
	const to = Math.min(end, serviceEnd === null ? end : requireDay(serviceEnd));
	const served = span(from, to);
	const days = span(start, end);
	return served === days ? price : divideRounded(price * served, days);
}
