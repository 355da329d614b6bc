import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { staff } from '#lib/server/auth/staff.js';
import { db } from '#lib/server/db/index.js';
import { endpoint, readJson } from '#lib/server/http/api.js';
import { markRead } from '#lib/server/repositories/notifications.js';

const input = z.object({ ids: z.array(z.uuid()).max(500).optional() });

/** Marks notifications read: the given ids, or all of them. */
export const POST = endpoint(async ({ locals, request }) => {
	const me = staff(locals, 'app.use');
	const { ids } = await readJson(request, input);
	await markRead(db(), me.tenantId, me.userId, ids ?? null);
	return json({ ok: true });
});
