import { json } from '@sveltejs/kit';
import { staff } from '#lib/server/auth/staff.js';
import { db } from '#lib/server/db/index.js';
import { endpoint } from '#lib/server/http/api.js';
import { revokeIntegrationKey, rotateIntegrationKey } from '#lib/server/intake/keys.js';

/** Makes the tenant's integration key, or a new one that shuts the old one out; the key is in this answer only. */
export const POST = endpoint(async ({ locals }) => {
	const key = await rotateIntegrationKey(db(), staff(locals, 'integrations.manage'));
	return json({ key }, { status: 201, headers: { 'cache-control': 'no-store' } });
});

export const DELETE = endpoint(async ({ locals }) => {
	await revokeIntegrationKey(db(), staff(locals, 'integrations.manage'));
	return json({ ok: true });
});
