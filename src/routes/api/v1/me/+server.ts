import { json } from '@sveltejs/kit';
import { staff } from '#lib/server/auth/staff.js';
import { endpoint } from '#lib/server/http/api.js';

export const GET = endpoint(async ({ locals }) => {
	const me = staff(locals, 'app.use');
	return json({
		user: { id: me.userId, email: me.email, name: me.name },
		tenant: { id: me.tenantId, name: me.tenantName },
		role: me.role,
		sessionExpiresAt: me.expiresAt.toISOString()
	});
});
