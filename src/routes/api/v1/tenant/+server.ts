import { json } from '@sveltejs/kit';
import { tenantInput } from '#lib/server/accounts/schemas.js';
import { tenantSettings, updateTenantSettings } from '#lib/server/accounts/tenant.js';
import { staff } from '#lib/server/auth/staff.js';
import { db } from '#lib/server/db/index.js';
import { endpoint, readJson } from '#lib/server/http/api.js';

export const GET = endpoint(async ({ locals }) => {
	const me = staff(locals, 'app.use');
	return json({ tenant: await tenantSettings(db(), me.tenantId) });
});

export const PATCH = endpoint(async ({ locals, request }) => {
	const me = staff(locals, 'tenant.update');
	const input = await readJson(request, tenantInput);
	return json({ tenant: await updateTenantSettings(db(), me, input) });
});
