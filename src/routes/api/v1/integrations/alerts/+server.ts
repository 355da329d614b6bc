import { json } from '@sveltejs/kit';
import { staff } from '#lib/server/auth/staff.js';
import { db } from '#lib/server/db/index.js';
import { endpoint } from '#lib/server/http/api.js';
import { recentAlerts } from '#lib/server/repositories/alert-links.js';

/** The alerts that came in last, each with its ticket and how many times it came. */
export const GET = endpoint(async ({ locals }) => {
	const me = staff(locals, 'integrations.manage');
	return json({ alerts: await recentAlerts(db(), me.tenantId, 50) });
});
