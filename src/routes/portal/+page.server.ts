import { redirect } from '@sveltejs/kit';
import { db } from '#lib/server/db/index.js';
import { portalCompany } from '#lib/server/portal/accounts.js';
import type { PageServerLoad } from './$types';

/** The contact's own company only: the portal reads projections, under row-level security. */
export const load: PageServerLoad = async ({ locals }) => {
	if (!locals.portal) redirect(303, '/portal/login');
	const company = await portalCompany(db(), locals.portal);
	return { me: { name: locals.portal.name, email: locals.portal.email }, ...company };
};
