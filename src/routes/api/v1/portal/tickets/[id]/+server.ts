import { json } from '@sveltejs/kit';
import { db } from '#lib/server/db/index.js';
import { endpoint } from '#lib/server/http/api.js';
import { portalUser } from '#lib/server/portal/guard.js';
import { uuidParam } from '#lib/server/http/validate.js';
import { readTicket } from '#lib/server/portal/requests.js';

/** One of the company's tickets with its public notes (never internal ones). */
export const GET = endpoint(async ({ locals, params }) => {
	const me = portalUser(locals);
	return json({ ticket: await readTicket(db(), me, uuidParam(params.id, 'No such request at your company.')) });
});
