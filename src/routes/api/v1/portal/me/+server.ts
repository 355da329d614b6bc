import { json } from '@sveltejs/kit';
import { db } from '#lib/server/db/index.js';
import { endpoint } from '#lib/server/http/api.js';
import { portalCompany } from '#lib/server/portal/accounts.js';
import { portalUser } from '#lib/server/portal/guard.js';

/** The signed-in contact and their company's profile, sites and contacts (from the projections). */
export const GET = endpoint(async ({ locals }) => {
	const me = portalUser(locals);
	return json({ me: { name: me.name, email: me.email }, ...(await portalCompany(db(), me)) });
});
