import { catalogSettings } from '../catalog/schema.js';

/** Reminder lead times: how many days before a notice deadline a reminder falls due. */

/** Ten years: anything longer is a typo, and capping keeps date arithmetic in range. */
export const MAX_LEAD_DAYS = 3650;

/** The built-in default, taken from the schema so the two cannot drift apart ("90 30 7"). */
export const DEFAULT_REMINDER_DAYS: string = catalogSettings.parse({}).reminderDays;

/** The tenant's reminder settings, as `catalogSettings` yields them. */
export interface ReminderSettings {
	reminderDays: string | null;
}

/**
 * "90 30 7", "90,30,7" or "90; 30, 7" → [90, 30, 7]: whole numbers of days,
 * unique, largest first, capped at MAX_LEAD_DAYS. People type these by hand, so
 * anything that is not a whole number ("7d", "-3", "two") is skipped, not refused.
 */
export function parseLeadDays(text: string | null | undefined): number[] {
	const days = new Set<number>();
	for (const part of (text ?? '').split(/[\s,;]+/)) {
		if (/^\d+$/.test(part)) days.add(Math.min(Number(part), MAX_LEAD_DAYS));
	}
	return [...days].sort((a, b) => b - a);
}

/** A field's own lead times, or the fallback when it is blank or holds nothing readable. */
export function leadDaysOr(text: string | null | undefined, fallback: readonly number[]): readonly number[] {
	const own = parseLeadDays(text);
	return own.length > 0 ? own : fallback;
}

/** The tenant's default lead times; a blank or unreadable setting means the built-in default. */
export function tenantLeadDays(settings: ReminderSettings): readonly number[] {
	return leadDaysOr(settings.reminderDays, parseLeadDays(DEFAULT_REMINDER_DAYS));
}
