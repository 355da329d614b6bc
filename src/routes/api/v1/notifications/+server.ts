import { json } from '@sveltejs/kit';
import { staff } from '#lib/server/auth/staff.js';
import { db } from '#lib/server/db/index.js';
import { endpoint } from '#lib/server/http/api.js';
import { countUnread, listNotifications } from '#lib/server/repositories/notifications.js';

/** The signed-in person's latest notifications, newest first, and how many are unread. */
export const GET = endpoint(async ({ locals }) => {
	const me = staff(locals, 'app.use');
	const [notifications, unread] = await Promise.all([listNotifications(db(), me.tenantId, me.userId), countUnread(db(), me.tenantId, me.userId)]);
	return json({ notifications, unread });
});
