import { DAY_MINUTES, WEEKDAY_LABELS, type WeekCapacity } from './capacity.js';

/**
 * A person's working week as typed in the working-hours form: hours per
 * weekday, as "8", "7.5" or "7:30"; an empty day is a day off. Read into the
 * minutes capacity keeps, each day's problem named by its weekday.
 */

export type WeekHoursRead = { ok: true; minutes: WeekCapacity } | { ok: false; errors: Record<string, string> };

const DECIMAL = /^\d{1,2}(?:[.,]\d{1,2})?$/;
const CLOCK = /^(\d{1,2}):([0-5]\d)$/;

/** One day's hours → minutes; null when it is not a number of hours. */
export function readDayHours(text: string): number | null {
	const typed = text.trim();
	if (typed === '') return 0;
	const clock = CLOCK.exec(typed);
	if (clock) return Number(clock[1]) * 60 + Number(clock[2]);
	if (DECIMAL.test(typed)) return Math.round(Number(typed.replace(',', '.')) * 60);
	return null;
}

export function readWeekHours(days: readonly string[]): WeekHoursRead {
	const errors: Record<string, string> = {};
	const minutes = WEEKDAY_LABELS.map((label, i) => {
		const value = readDayHours(days[i] ?? '');
		if (value === null) errors[label] = `${label}: give hours such as 8, 7.5 or 7:30 (empty for a day off).`;
		else if (value > DAY_MINUTES) errors[label] = `${label}: a day has 24 hours at most.`;
		return value ?? 0;
	});
	return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, minutes };
}

/** Minutes as the form shows them: "8", "7:30"; a day off is empty. */
export const dayHoursText = (minutes: number): string => (minutes === 0 ? '' : minutes % 60 === 0 ? String(minutes / 60) : `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`);
