import { db } from '#lib/server/db/index.js';
import { endpoint } from '#lib/server/http/api.js';
import { calendarText } from '#lib/server/reminders/calendar.js';
import type { RequestEvent } from './$types';

/** A personal renewals feed for calendar apps: /calendar/SECRET.ics (the secret is the only key). */
export const GET = endpoint(async ({ params, url }: RequestEvent) => {
	const token = params.token.replace(/\.ics$/, '');
	return new Response(await calendarText(db(), token, url.origin), {
		headers: { 'content-type': 'text/calendar; charset=utf-8', 'cache-control': 'private, max-age=300' }
	});
});
