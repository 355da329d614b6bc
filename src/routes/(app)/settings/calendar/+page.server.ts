import { staff } from '#lib/server/auth/staff.js';
import { db } from '#lib/server/db/index.js';
import { formAction } from '#lib/server/http/forms.js';
import { calendarFeedExists, newCalendarFeed, stopCalendarFeed } from '#lib/server/reminders/calendar.js';
import type { Actions, PageServerLoad } from './$types';

/** The signed-in person's own calendar feed: whether it is on (its URL is shown once, when made). */
export const load: PageServerLoad = async ({ locals }) => {
	const me = staff(locals, 'app.use');
	return { active: await calendarFeedExists(db(), me) };
};

export const actions: Actions = {
	/** Makes the feed URL, or a new one that replaces (and shuts out) the old. */
	make: ({ request, locals, url }) =>
		formAction(request, async () => {
			const me = staff(locals, 'app.use');
			return { feedUrl: await newCalendarFeed(db(), me, url.origin) };
		}),
	stop: ({ request, locals }) =>
		formAction(request, async () => {
			await stopCalendarFeed(db(), staff(locals, 'app.use'));
			return { stopped: true };
		})
};
