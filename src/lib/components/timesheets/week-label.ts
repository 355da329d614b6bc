import { weekDays } from '#lib/domain/timesheet/weeks.js';

const DAY = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', timeZone: 'UTC' });

/** "2026-W49 · Nov 30 – Dec 6": the ISO week people quote, with the days it covers. */
export function weekLabel(week: string): string {
	const days = weekDays(week);
	const day = (date: string) => DAY.format(new Date(`${date}T00:00:00Z`));
	return `${week} · ${day(days[0])} – ${day(days[6])}`;
}
