import { json } from '@sveltejs/kit';
import { staff } from '#lib/server/auth/staff.js';
import { config } from '#lib/server/config.js';
import { db } from '#lib/server/db/index.js';
import { endpoint } from '#lib/server/http/api.js';
import { calendarFeedExists, newCalendarFeed, stopCalendarFeed } from '#lib/server/reminders/calendar.js';

/** Whether the signed-in person has a calendar feed (its URL is shown only when made). */
export const GET = endpoint(async ({ locals }) => {
	const me = staff(locals, 'app.use');
	return json({ active: await calendarFeedExists(db(), me) });
});

/** Makes a new personal feed URL of renewals and notice deadlines; an older URL stops working. */
export const POST = endpoint(async ({ locals, url }) => {
	const me = staff(locals, 'app.use');
	return json({ url: await newCalendarFeed(db(), me, url.origin) }, { status: 201 });
});

export const DELETE = endpoint(async ({ locals }) => {
	const me = staff(locals, 'app.use');
	await stopCalendarFeed(db(), me);
	return json({ ok: true });
});
