import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { staff } from '#lib/server/auth/staff.js';
import { db } from '#lib/server/db/index.js';
import { endpoint, readJson } from '#lib/server/http/api.js';
import { integrationSettings, saveIntakeSettings } from '#lib/server/intake/keys.js';

const settingsInput = z.object({ alertResolves: z.boolean('alertResolves must be true or false') });

/** The integration key's state (never the key itself), the intake settings and the endpoints. */
export const GET = endpoint(async ({ locals, url }) => {
	const me = staff(locals, 'integrations.manage');
	return json({ integration: await integrationSettings(db(), me.tenantId, url.origin) });
});

export const PATCH = endpoint(async ({ locals, request, url }) => {
	const me = staff(locals, 'integrations.manage');
	await saveIntakeSettings(db(), me, await readJson(request, settingsInput));
	return json({ integration: await integrationSettings(db(), me.tenantId, url.origin) });
});
