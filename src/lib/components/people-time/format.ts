import { formatDay } from '../contracts/days.js';

const hours = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** Minutes as hours with at most one decimal: 450 → "7.5". */
export const formatHours = (minutes: number): string => hours.format(minutes / 60);

/** A request's days for people: "Dec 24, 2026" or "Dec 24, 2026 – Jan 2, 2027", and how much of each day. */
export function requestDays(r: { start: string; end: string; minutesPerDay: number | null }): string {
	const days = r.start === r.end ? formatDay(r.start) : `${formatDay(r.start)} – ${formatDay(r.end)}`;
	return r.minutesPerDay === null ? days : `${days} · ${formatHours(r.minutesPerDay)} h a day`;
}
