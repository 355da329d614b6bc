import { redirect } from '@sveltejs/kit';
import { staff } from '#lib/server/auth/staff.js';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, url }) => {
	// a portal user is not sent to the staff login: staff() below answers 403
	if (!locals.identity && !locals.portal) {
		const here = url.pathname + url.search;
		redirect(303, here === '/' ? '/login' : `/login?next=${encodeURIComponent(here)}`);
	}
	const me = staff(locals, 'app.use');
	return {
		user: { id: me.userId, name: me.name, email: me.email },
		tenant: { id: me.tenantId, name: me.tenantName, timeZone: me.tenantTimeZone },
		role: me.role
	};
};
