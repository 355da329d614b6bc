import ical, { ICalAlarmType, ICalEventTransparency, type ICalCalendar } from 'ical-generator';
import { requireDay } from './days.js';

/** An iCalendar feed of all-day events (contract renewals and notice deadlines), for calendar subscriptions. */

export interface CalendarEvent {
	/** stable across feeds, so a calendar app updates the event instead of adding another */
	uid: string;
	/** the day, YYYY-MM-DD */
	date: string;
	summary: string;
	description?: string | null;
	url?: string | null;
	/** remind a day before */
	alarm?: boolean;
}

export interface CalendarFeedInput {
	calendarName: string;
	events: Iterable<CalendarEvent>;
	/** when the feed was made (ISO instant), for DTSTAMP; default now */
	stamp?: string;
}

const DAY_MS = 86_400_000;

/**
 * The calendar's midnight UTC of a date. ical-generator writes an all-day date
 * with UTC getters when neither calendar nor event has a time zone (none is set
 * here), so this prints the same date on every server, whatever its TZ.
 */
function utcMidnight(date: string, daysLater = 0): Date {
	return new Date((requireDay(date) + daysLater) * DAY_MS);
}

function addEvent(calendar: ICalCalendar, event: CalendarEvent, stamp: string | undefined): void {
	const created = calendar.createEvent({
		id: event.uid,
		allDay: true,
		start: utcMidnight(event.date),
		// DTEND is exclusive; some clients (Outlook) want it even though one day is the default
		end: utcMidnight(event.date, 1),
		summary: event.summary,
		description: event.description ?? null,
		url: event.url ?? null,
		// a date to keep in mind, not time taken: free/busy lookups should ignore it
		transparency: ICalEventTransparency.TRANSPARENT,
		...(stamp ? { stamp: new Date(stamp) } : {})
	});
	if (event.alarm) created.createAlarm({ type: ICalAlarmType.display, triggerBefore: DAY_MS / 1000, description: event.summary });
}

/** The feed as iCalendar text (RFC 5545). */
export function calendarFeed({ calendarName, events, stamp }: CalendarFeedInput): string {
	const calendar = ical({ name: calendarName, prodId: { company: 'Stackdesk', product: 'Stackdesk', language: 'EN' } });
	for (const event of events) addEvent(calendar, event, stamp);
	return calendar.toString();
}
