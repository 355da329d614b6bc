import { parseDate } from '../import/dates.js';
import type { Parsed } from '../import/reader.js';
import { WORKDAY_MINUTES } from './gantt.js';

/**
 * The values of a task list exported from Microsoft Project or Excel, as
 * Project writes them: durations ("5 days", "3d", "4 hrs", "0 days", "2 wks?"),
 * dates ("Mon 1/6/25", "January 6, 2025 8:00 AM", ISO) and predecessors
 * ("3", "3FS", "2,4", "5SS+2 days").
 */

/** Project's working week: five days of eight hours (its default calendar). */
const UNIT_MINUTES: [RegExp, number][] = [
	[/^(m|mins?|minutes?|em|emins?)$/, 1],
	[/^(h|hrs?|hours?|eh|ehrs?)$/, 60],
	[/^(d|dys?|days?|ed|edays?)$/, WORKDAY_MINUTES],
	[/^(w|wks?|weeks?|ew|ewks?)$/, 5 * WORKDAY_MINUTES],
	[/^(mo|mons?|months?|emo|emons?)$/, 20 * WORKDAY_MINUTES]
];

// "5 days", "1.5d", "4 hrs?" (Project marks an estimated duration with "?"), "0"
const DURATION = /^(\d+(?:[.,]\d+)?)\s*([a-z]*)\s*\??$/;

/** A duration → whole minutes (0: a milestone). Blank → null. */
export function parseDuration(raw: string): Parsed<number | null> {
	const text = raw.trim().toLowerCase();
	if (text === '') return { value: null };
	const match = DURATION.exec(text);
	const unit = match && (match[2] === '' ? WORKDAY_MINUTES : UNIT_MINUTES.find(([pattern]) => pattern.test(match[2]))?.[1]);
	if (!match || unit === undefined || unit === null) return { reason: 'is not a duration (write it as 5 days, 3d, 4 hrs or 0 days for a milestone)' };
	return { value: Math.round(Number(match[1].replace(',', '.')) * unit) };
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAY = /^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+/i;
const TIME = /(?:\s+|T)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:am|pm)?(?:z|[+-]\d{2}:?\d{2})?$/i;
const SHORT_YEAR = /^(\d{1,2})\/(\d{1,2})\/(\d{2})$/;
const MONTH_FIRST = /^([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/i;
const DAY_FIRST = /^(\d{1,2})\s+([a-z]+)\.?,?\s+(\d{4})$/i;
/** what Project writes for a date a task does not have */
const NO_DATE = /^(na|n\/a|none)?$/i;

const NOT_A_DATE = 'is not a date (write it as Project does — Mon 1/6/25, January 6, 2025 8:00 AM — or as 2025-01-06)';

function monthOf(name: string): number | null {
	const at = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
	return at === -1 || name.length < 3 ? null : at + 1;
}

/** A date as Project or Excel writes it → YYYY-MM-DD; the time of day is dropped. Blank or "NA" → null. */
export function parseTaskDate(raw: string): Parsed<string | null> {
	const text = raw.trim().replace(WEEKDAY, '').replace(TIME, '').trim();
	if (NO_DATE.test(text)) return { value: null };
	// Project's short format has a two-digit year: 1/6/25 is 2025
	const short = SHORT_YEAR.exec(text);
	const named = MONTH_FIRST.exec(text) ?? DAY_FIRST.exec(text);
	let result: Parsed<string | null>;
	if (short) result = parseDate(`${short[1]}/${short[2]}/20${short[3]}`);
	else if (named) {
		const [month, day] = /^\d/.test(named[1]) ? [monthOf(named[2]), named[1]] : [monthOf(named[1]), named[2]];
		result = month ? parseDate(`${named[3]}-${month}-${day}`) : { reason: NOT_A_DATE };
	} else result = parseDate(text);
	return 'reason' in result ? { reason: NOT_A_DATE } : result;
}

export interface Predecessor {
	/** the predecessor's task number (Project's ID: its row in the list) */
	row: number;
	/** FS unless written; only finish-to-start without lag is kept (see `simplified`) */
	type: 'FS' | 'SS' | 'FF' | 'SF';
	lag: string | null;
}

const PREDECESSOR = /^(\d+)\s*(FS|SS|FF|SF)?\s*([+-]\s*\d+(?:[.,]\d+)?\s*[a-z%]*\??)?$/i;

/** "2,4", "3FS", "5SS+2 days" → the predecessors; Project separates them with commas (or semicolons in some locales). */
export function parsePredecessors(raw: string): Parsed<Predecessor[]> {
	const parts = raw.split(/[,;]/).map((p) => p.trim()).filter(Boolean);
	const out: Predecessor[] = [];
	for (const part of parts) {
		const match = PREDECESSOR.exec(part);
		if (!match) return { reason: `has “${part}”, which is not a task number (write 3, 3FS, 2,4 or 5SS+2 days)` };
		const lag = match[3]?.replace(/\s+/g, '') ?? null;
		out.push({ row: Number(match[1]), type: (match[2]?.toUpperCase() as Predecessor['type']) ?? 'FS', lag: lag && /^[+-]0+[a-z]*$/i.test(lag) ? null : lag });
	}
	return { value: out };
}

/** A predecessor the task list keeps only as "finishes first" (a task here waits for the whole of its predecessor). */
export function simplified(predecessor: Predecessor): boolean {
	return predecessor.type !== 'FS' || predecessor.lag !== null;
}

/** "Ann Lee[50%]; Bo Chen" → the names (Project writes a share of time in brackets after a name). */
export function resourceNames(raw: string): string[] {
	return raw
		.split(/[,;]/)
		.map((name) => name.replace(/\[[^\]]*\]/g, '').trim())
		.filter(Boolean);
}
