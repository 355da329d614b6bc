import { renewalEvents } from '#lib/domain/contracts/feed-events.js';
import { calendarFeed } from '#lib/domain/contracts/ical.js';
import type { Identity } from '../auth/sessions.js';
import { generateToken, hashToken } from '../auth/session-token.js';
import type { Db } from '../db/index.js';
import { notFound } from '../http/errors.js';
import { deleteFeed, findFeed, hasFeed, replaceFeed } from '../repositories/calendar-feeds.js';
import { datedItems } from '../repositories/contract-dates.js';
import { todayIn } from '#lib/domain/today.js';
import { itemLink } from './scan.js';

const feedUrl = (origin: string, token: string) => `${origin}/calendar/${token}.ics`;

/**
 * A personal calendar feed URL of renewals and notice deadlines. The secret is
 * the only key (calendar apps cannot log in), so only its hash is stored and a
 * new one replaces the old: anyone who saw the URL can be shut out.
 */
export async function newCalendarFeed(db: Db, me: Identity, origin: string): Promise<string> {
	const token = generateToken();
	await replaceFeed(db, me.tenantId, me.userId, hashToken(token));
	return feedUrl(origin, token);
}

export const calendarFeedExists = (db: Db, me: Identity) => hasFeed(db, me.tenantId, me.userId);
export const stopCalendarFeed = (db: Db, me: Identity) => deleteFeed(db, me.tenantId, me.userId);

/** The iCalendar text a feed secret opens. */
export async function calendarText(db: Db, token: string, origin: string, now = new Date()): Promise<string> {
	const feed = /^[a-z0-9]{20,64}$/.test(token) ? await findFeed(db, hashToken(token)) : undefined;
	if (!feed) throw notFound('No such calendar.');
	const items = await datedItems(db, feed.tenantId);
	const events = renewalEvents(
		items.map((item) => ({ contract: item, counterparty: item.counterparty, url: `${origin}${itemLink(item)}` })),
		todayIn(feed.timeZone, now)
	);
	return calendarFeed({ calendarName: `${feed.tenantName} — renewals and deadlines`, events });
}
