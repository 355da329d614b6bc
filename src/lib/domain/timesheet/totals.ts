import { weekDays } from './weeks.js';

/**
 * Day and week totals of a timesheet, billable apart from the rest, in whole
 * minutes (and expenses in minor units). Deleted entries count nothing.
 */

export interface Minutes {
	total: number;
	billable: number;
	nonBillable: number;
}

export interface WeekTotals {
	/** every day of the week, Monday first, worked or not */
	days: ({ date: string } & Minutes)[];
	week: Minutes;
	expenses: { total: number; billable: number };
}

interface Counted {
	date: string;
	minutes: number;
	billable: boolean;
	deletedAt?: string | null;
}

interface Spent {
	amount: number;
	billable: boolean;
	deletedAt?: string | null;
}

const none = (): Minutes => ({ total: 0, billable: 0, nonBillable: 0 });

function add(into: Minutes, entry: Counted): void {
	into.total += entry.minutes;
	if (entry.billable) into.billable += entry.minutes;
	else into.nonBillable += entry.minutes;
}

export function weekTotals(week: string, entries: readonly Counted[], expenses: readonly Spent[] = []): WeekTotals {
	const days = weekDays(week).map((date) => ({ date, ...none() }));
	const byDate = new Map(days.map((day) => [day.date, day]));
	const total = none();
	for (const entry of entries) {
		const day = byDate.get(entry.date);
		// an entry outside the week is the schema's to refuse; it is not counted here
		if (entry.deletedAt || !day) continue;
		add(day, entry);
		add(total, entry);
	}
	const live = expenses.filter((e) => !e.deletedAt);
	return {
		days,
		week: total,
		expenses: { total: live.reduce((sum, e) => sum + e.amount, 0), billable: live.filter((e) => e.billable).reduce((sum, e) => sum + e.amount, 0) }
	};
}

/** `7:05` for 425 minutes: how the week view shows a total. */
export const hoursAndMinutes = (minutes: number) => `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
