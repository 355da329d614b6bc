/**
 * Dates shown in the tenant's time zone with a fixed locale, so the server's
 * render and the browser's hydration print the same text.
 */
const LOCALE = 'en-US';

// building an Intl.DateTimeFormat costs far more than using one: a list of 2,000
// customers would spend most of its render making formatters, so each is made once
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(style: 'date' | 'dateTime', timeZone: string | undefined): Intl.DateTimeFormat {
	const key = `${style}|${timeZone ?? 'UTC'}`;
	let made = formatters.get(key);
	if (!made) {
		const options: Intl.DateTimeFormatOptions = style === 'date' ? { dateStyle: 'medium' } : { dateStyle: 'medium', timeStyle: 'short' };
		try {
			made = new Intl.DateTimeFormat(LOCALE, { ...options, timeZone: timeZone ?? 'UTC' });
		} catch {
			// an unknown zone falls back to UTC rather than breaking the page
			made = new Intl.DateTimeFormat(LOCALE, { ...options, timeZone: 'UTC' });
		}
		formatters.set(key, made);
	}
	return made;
}

export function formatDateTime(value: Date | string, timeZone?: string): string {
	return formatter('dateTime', timeZone).format(new Date(value));
}

export function formatDate(value: Date | string, timeZone?: string): string {
	return formatter('date', timeZone).format(new Date(value));
}

/** Up to two initials for an avatar. */
export function initials(name: string): string {
	const parts = name.trim().split(/\s+/).filter(Boolean);
	const letters = parts.length > 1 ? parts[0][0] + parts[parts.length - 1][0] : (parts[0] ?? '?').slice(0, 2);
	return letters.toUpperCase();
}
