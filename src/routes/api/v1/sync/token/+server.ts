import { json } from '@sveltejs/kit';
import { createSyncToken } from '#lib/server/auth/sessions.js';
import { staff } from '#lib/server/auth/staff.js';
import { db } from '#lib/server/db/index.js';
import { endpoint } from '#lib/server/http/api.js';

/** A short-lived token for the websocket (`/collab`), tied to this browser session. */
export const POST = endpoint(async ({ locals }) => {
	const me = staff(locals, 'app.use');
	const { token, expiresAt } = await createSyncToken(db(), me);
	return json({ token, expiresAt: expiresAt.toISOString() });
});
