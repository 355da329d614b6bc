import { formatDuration, parseDuration } from '../servicedesk/durations.js';

/**
 * Estimates and budgets of work as people type them ("4h", "1h 30m", "90m",
 * "2.5h", a bare number of hours), stored as whole minutes, and the checks on
 * a task's or project's dates.
 */

export type ParsedWork = { minutes: number | null } | { error: string };

/** the most work one estimate or budget holds: a year of minutes (the schema's limit) */
const MAX_MINUTES = 60 * 24 * 366;

/** What an estimate or budget field means in minutes; blank is none. `what` names it in messages. */
export function parseWork(text: string, what = 'An estimate'): ParsedWork {
	const value = text.trim();
	if (value === '') return { minutes: null };
	if (/^\d+(?:[.,]\d+)?$/.test(value) && Number(value.replace(',', '.')) === 0) return { minutes: 0 };
	const parsed = parseDuration(value);
	if ('error' in parsed) {
		if (/not a time/.test(parsed.error)) return { error: `“${value}” is not an amount of work such as 4h, 1h 30m or 45m` };
		if (/whole minutes/.test(parsed.error)) return { error: 'Use whole minutes, such as 1h 30m' };
		return { error: `${what} is at most a year of work` };
	}
	if (parsed.minutes !== null && parsed.minutes > MAX_MINUTES) return { error: `${what} is at most a year of work` };
	return parsed;
}

/** Minutes as the fields show them: "45m", "4h", "1h 30m"; blank for none. */
export const formatWork = (minutes: number | null | undefined): string => (minutes === 0 ? '0h' : formatDuration(minutes));

/** Why a start and due date do not go together, or null. Dates are YYYY-MM-DD, so they compare as text. */
export function datesProblem(start: string | null, due: string | null): string | null {
	return start && due && due < start ? 'The due date is before the start date' : null;
}
