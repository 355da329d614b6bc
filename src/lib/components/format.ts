/**
 * Dates shown in the tenant's time zone with a fixed locale, so the server's
 * render and the browser's hydration print the same text.
 */
const LOCALE = 'en-US';

// building an Intl.DateTimeFormat costs far more than using one: a list of 2,000
// customers would spend most of its render making formatters, so each is made once
const formatters = new Map<string, Intl.DateTimeFormat>();

const STYLES = {
	date: { dateStyle: 'medium' },
	dateTime: { dateStyle: 'medium', timeStyle: 'short' },
	month: { month: 'short', year: 'numeric' }
} satisfies Record<string, Intl.DateTimeFormatOptions>;

function formatter(style: keyof typeof STYLES, timeZone: string | undefined): Intl.DateTimeFormat {
	const key = `${style}|${timeZone ?? 'UTC'}`;
	let made = formatters.get(key);
	if (!made) {
		const options = STYLES[style];
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

/** A calendar month (YYYY-MM) for people: "Mar 2026"; like contract dates it has no time zone. */
export function formatMonth(month: string): string {
	return formatter('month', 'UTC').format(new Date(`${month}-01T00:00:00Z`));
}

const percent = new Intl.NumberFormat(LOCALE, { style: 'percent', maximumFractionDigits: 1 });

/** A share (0.765) as a percentage with at most one decimal: "76.5%"; null as a dash. */
export function formatShare(share: number | null): string {
	return share === null ? '—' : percent.format(share);
}

/** Up to two initials for an avatar. */
export function initials(name: string): string {
	const parts = name.trim().split(/\s+/).filter(Boolean);
	const letters = parts.length > 1 ? parts[0][0] + parts[parts.length - 1][0] : (parts[0] ?? '?').slice(0, 2);
	return letters.toUpperCase();
}
