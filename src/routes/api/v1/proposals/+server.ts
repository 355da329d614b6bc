import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { id } from '#lib/domain/documents/fields.js';
import { staff } from '#lib/server/auth/staff.js';
import { db } from '#lib/server/db/index.js';
import { endpoint } from '#lib/server/http/api.js';
import { parseInput } from '#lib/server/http/validate.js';
import { listProposals } from '#lib/server/portal/proposals.js';

const filter = z.object({
	customerId: id.optional(),
	status: z.enum(['pending', 'accepted', 'declined']).optional()
});

/** Changes customers' contacts proposed in the portal, newest first (`?customerId=`, `?status=`). */
export const GET = endpoint(async ({ locals, url }) => {
	const me = staff(locals, 'proposals.view');
	const query = parseInput(filter, Object.fromEntries(url.searchParams));
	return json({ proposals: await listProposals(db(), me, query) });
});
