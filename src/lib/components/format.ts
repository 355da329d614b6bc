/**
 * Dates shown in the tenant's time zone with a fixed locale, so the server's
 * render and the browser's hydration print the same text.
 */
const LOCALE = 'en-US';

function safeZone(timeZone: string | undefined): string {
	try {
		new Intl.DateTimeFormat(LOCALE, { timeZone });
		return timeZone ?? 'UTC';
	} catch {
		return 'UTC';
	}
}

export function formatDateTime(value: Date | string, timeZone?: string): string {
	return new Intl.DateTimeFormat(LOCALE, {
		dateStyle: 'medium',
		timeStyle: 'short',
		timeZone: safeZone(timeZone)
	}).format(new Date(value));
}

export function formatDate(value: Date | string, timeZone?: string): string {
	return new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeZone: safeZone(timeZone) }).format(
		new Date(value)
	);
}

/** Up to two initials for an avatar. */
export function initials(name: string): string {
	const parts = name.trim().split(/\s+/).filter(Boolean);
	const letters = parts.length > 1 ? parts[0][0] + parts[parts.length - 1][0] : (parts[0] ?? '?').slice(0, 2);
	return letters.toUpperCase();
}
