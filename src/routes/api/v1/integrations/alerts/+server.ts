import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { staff } from '#lib/server/auth/staff.js';
import { db } from '#lib/server/db/index.js';
import { endpoint } from '#lib/server/http/api.js';
import { parseInput } from '#lib/server/http/validate.js';
import { recentAlerts } from '#lib/server/repositories/alert-links.js';

const query = z.object({ limit: z.coerce.number('limit must be a number').int().min(1).max(500).default(50) });

/** The alerts that came in last (`limit`, at most 500), each with its ticket and how many times it came. */
export const GET = endpoint(async ({ locals, url }) => {
	const me = staff(locals, 'integrations.manage');
	const { limit } = parseInput(query, Object.fromEntries(url.searchParams));
	return json({ alerts: await recentAlerts(db(), me.tenantId, limit) });
});
