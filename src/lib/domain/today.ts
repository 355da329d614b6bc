// building a DateTimeFormat costs far more than using one: one per zone, kept
const formats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(timeZone: string): Intl.DateTimeFormat {
	let format = formats.get(timeZone);
	if (!format) {
		// en-CA writes dates as YYYY-MM-DD
		format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
		formats.set(timeZone, format);
	}
	return format;
}

/**
 * Today's date where the tenant is, YYYY-MM-DD: the day notice deadlines,
 * warranty ends and export file names are counted from. A zone this runtime
 * does not know counts as UTC rather than failing.
 */
export function todayIn(timeZone: string | undefined, now = new Date()): string {
	try {
		return dayFormat(timeZone ?? 'UTC').format(now);
	} catch {
		return dayFormat('UTC').format(now);
	}
}
