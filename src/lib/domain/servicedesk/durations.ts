/**
 * SLA targets as people type them: "4h", "1h 30m", "90m", "1:30", "2.5h", or a
 * bare number of hours ("8"). Stored as whole minutes (DESIGN.md §2).
 */

export const MAX_TARGET_MINUTES = 365 * 24 * 60;

export type ParsedDuration = { minutes: number | null } | { error: string };

// one "2h", "30 min" or "1.5": a number and maybe its unit
const PART = /\s*(\d+(?:[.,]\d+)?)\s*(days?|d|hours?|hrs?|h|minutes?|mins?|m)?\s*/iy;
const UNIT_MINUTES: Record<string, number> = { d: 24 * 60, h: 60, m: 1 };

/** Minutes of "1h 30m", "4 hours", "1h30" (a bare number after hours is minutes, alone it is hours); null when unreadable. */
function partsMinutes(text: string): number | null {
	let total = 0;
	let previous: string | null = null;
	for (let at = 0; at < text.length; ) {
		PART.lastIndex = at;
		const match = PART.exec(text);
		if (!match) return null;
		at = PART.lastIndex;
		const unit: string | null = match[2]?.[0].toLowerCase() ?? (previous === 'h' ? 'm' : previous === null ? 'h' : null);
		if (!unit) return null;
		total += Number(match[1].replace(',', '.')) * UNIT_MINUTES[unit];
		previous = unit;
	}
	return total;
}

/** What a target field means in minutes; blank is "no target". */
export function parseDuration(text: string): ParsedDuration {
	const value = text.trim();
	if (value === '') return { minutes: null };
	const clock = /^(\d+):([0-5]\d)$/.exec(value);
	const minutes = clock ? Number(clock[1]) * 60 + Number(clock[2]) : partsMinutes(value);
	if (minutes === null) return { error: `“${value}” is not a time such as 4h, 1h 30m or 45m` };
	if (!Number.isInteger(minutes)) return { error: 'Use whole minutes, such as 1h 30m' };
	if (minutes < 1) return { error: 'A target is at least 1 minute; leave it blank for none' };
	if (minutes > MAX_TARGET_MINUTES) return { error: 'A target is at most a year' };
	return { minutes };
}

/** Minutes as the settings show them: "45m", "4h", "1h 30m"; blank for no target. */
export function formatDuration(minutes: number | null | undefined): string {
	if (minutes === null || minutes === undefined) return '';
	const hours = Math.floor(minutes / 60);
	const rest = minutes % 60;
	if (hours === 0) return `${rest}m`;
	return rest === 0 ? `${hours}h` : `${hours}h ${rest}m`;
}
