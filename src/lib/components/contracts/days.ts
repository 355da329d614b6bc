import { formatDate } from '../format.js';

/**
 * A calendar date (YYYY-MM-DD) for people: "Mar 31, 2026". Contract dates have
 * no time zone, so they are read and shown as UTC, never shifted a day by the
 * company's zone.
 */
export function formatDay(day: string | null): string {
	return day ? formatDate(`${day}T00:00:00Z`, 'UTC') : '—';
}
