/**
 * What a person types into the week view's time fields: a duration ("1:30",
 * "90", "1.5h", "1h 30m", "45m") and a time of day ("9:00", "930", "17").
 * Each answers minutes or a sentence saying what to type instead.
 */

export type Typed = { ok: true; value: number | null } | { ok: false; error: string };

const DAY = 24 * 60;
const HOURS_AND_MINUTES = /^(\d+):([0-5]\d)$/;
const PLAIN_MINUTES = /^\d+$/;
const DECIMAL_HOURS = /^(\d*\.?\d+)\s*h(?:ours?|rs?)?$/;
// minutes after hours need no unit (1h30); alone they do, else they are plain minutes above
const SPELLED = /^(?:(\d+)\s*h(?:ours?|rs?)?)?\s*(?:(\d+)\s*(?:m(?:in(?:utes?|s)?)?)?)?$/;

const DURATION_HELP = 'Enter a duration such as 1:30, 90 (minutes) or 1.5h';

/** A duration in whole minutes; blank is null (no duration given). */
export function parseDuration(text: string): Typed {
	const typed = text.trim().toLowerCase().replace(',', '.');
	if (typed === '') return { ok: true, value: null };
	if (typed.startsWith('-')) return { ok: false, error: 'A duration cannot be negative' };
	let minutes: number | null = null;
	const clock = HOURS_AND_MINUTES.exec(typed);
	const decimal = DECIMAL_HOURS.exec(typed);
	const spelled = SPELLED.exec(typed);
	if (clock) minutes = Number(clock[1]) * 60 + Number(clock[2]);
	else if (PLAIN_MINUTES.test(typed)) minutes = Number(typed);
	else if (decimal) minutes = Math.round(Number(decimal[1]) * 60);
	else if (spelled && (spelled[1] || spelled[2])) minutes = Number(spelled[1] ?? 0) * 60 + Number(spelled[2] ?? 0);
	if (minutes === null) return { ok: false, error: DURATION_HELP };
	if (minutes === 0) return { ok: false, error: 'A duration must be more than zero minutes' };
	if (minutes > DAY) return { ok: false, error: 'A duration is at most 24 hours: split longer work into one entry per day' };
	return { ok: true, value: minutes };
}

const CLOCK = /^(\d{1,2})(?::?([0-5]\d))?$/;

/**
 * A time of day as minutes after midnight; blank is null. "24:00" is allowed
 * as an end (the end of the day), never as a start.
 */
export function parseClock(text: string, { end = false } = {}): Typed {
	const typed = text.trim();
	if (typed === '') return { ok: true, value: null };
	const match = CLOCK.exec(typed);
	const minute = match ? Number(match[1]) * 60 + Number(match[2] ?? 0) : NaN;
	if (!match || minute > DAY || (minute === DAY && !end)) return { ok: false, error: 'Enter a time of day such as 9:00 or 17:30' };
	return { ok: true, value: minute };
}

/** 570 → "09:30": how a time of day shows in the form it was typed in. */
export const clockText = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
