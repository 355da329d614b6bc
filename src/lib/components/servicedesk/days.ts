/** Days (YYYY-MM-DD, no time zone) as the boards show them: "Mon 23 Nov". */

const formats = new Map<string, Intl.DateTimeFormat>();

function format(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const key = JSON.stringify(options);
	let found = formats.get(key);
	if (!found) {
		// a day is a calendar date: read at noon UTC it is that date in UTC
		found = new Intl.DateTimeFormat('en-GB', { ...options, timeZone: 'UTC' });
		formats.set(key, found);
	}
	return found;
}

const noon = (day: string) => new Date(`${day}T12:00:00Z`);

export function dayLabel(day: string): string {
	return format({ weekday: 'short', day: 'numeric', month: 'short' }).format(noon(day));
}

/** "Monday 23 November" */
export function longDayLabel(day: string): string {
	return format({ weekday: 'long', day: 'numeric', month: 'long' }).format(noon(day));
}

/** "23 – 29 Nov 2026" */
export function weekLabel(days: readonly string[]): string {
	if (days.length === 0) return '';
	return format({ day: 'numeric', month: 'short', year: 'numeric' }).formatRange(noon(days[0]), noon(days[days.length - 1]));
}
