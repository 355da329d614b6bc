import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { staff } from '#lib/server/auth/staff.js';
import { db } from '#lib/server/db/index.js';
import { endpoint } from '#lib/server/http/api.js';
import { parseInput } from '#lib/server/http/validate.js';
import { readFeed } from '#lib/server/repositories/rows-feed.js';

const query = z.object({
	since: z.coerce.number().int('since must be a cursor from an earlier answer').min(0).default(0),
	limit: z.coerce.number().int().min(1).max(5000).default(1000)
});

/** The delta feed of projected rows for the browser's row index (DESIGN.md §3). */
export const GET = endpoint(async ({ locals, url }) => {
	const me = staff(locals, 'app.use');
	const { since, limit } = parseInput(query, Object.fromEntries(url.searchParams));
	const page = await readFeed(db(), me.tenantId, since, limit);
	return json({ ...page, cursor: String(page.cursor) });
});
