import { redirect } from '@sveltejs/kit';
import { unauthenticated } from '../http/errors.js';
import type { PortalIdentity } from './accounts.js';

/** The signed-in portal contact, for portal routes only. */
export function portalUser(locals: App.Locals): PortalIdentity {
	if (!locals.portal) throw unauthenticated('Please log in to the portal.');
	return locals.portal;
}

/** The signed-in portal contact, for portal pages: anyone else is sent to the portal's login. */
export function portalOrLogin(locals: App.Locals): PortalIdentity {
	if (!locals.portal) redirect(303, '/portal/login');
	return locals.portal;
}
