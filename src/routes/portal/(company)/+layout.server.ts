import { portalOrLogin } from '#lib/server/portal/guard.js';
import type { LayoutServerLoad } from './$types';

/** Every page of a company's portal needs a signed-in contact. */
export const load: LayoutServerLoad = ({ locals }) => {
	const me = portalOrLogin(locals);
	return { me: { name: me.name, email: me.email } };
};
