import { z } from 'zod';
import { staff } from '#lib/server/auth/staff.js';
import { db } from '#lib/server/db/index.js';
import { formAction } from '#lib/server/http/forms.js';
import { formObject, parseInput } from '#lib/server/http/validate.js';
import { integrationSettings, revokeIntegrationKey, rotateIntegrationKey, saveIntakeSettings } from '#lib/server/intake/keys.js';
import { recentAlerts } from '#lib/server/repositories/alert-links.js';
import type { Actions, PageServerLoad } from './$types';

const settingsInput = z.object({ alertResolves: z.literal('on').optional() });

/** The integration key (whether there is one: the key itself is shown once, when made), the endpoints and intake settings. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const me = staff(locals, 'integrations.manage');
	const [integration, alerts] = await Promise.all([integrationSettings(db(), me.tenantId, url.origin), recentAlerts(db(), me.tenantId)]);
	return { integration, alerts };
};

export const actions: Actions = {
	/** Makes the key, or a new one that shuts the old one out at once. */
	rotate: ({ request, locals }) =>
		formAction(request, async () => ({ key: await rotateIntegrationKey(db(), staff(locals, 'integrations.manage')) })),
	revoke: ({ request, locals }) =>
		formAction(request, async () => {
			await revokeIntegrationKey(db(), staff(locals, 'integrations.manage'));
			return { revoked: true };
		}),
	settings: ({ request, locals }) =>
		formAction(request, async (form) => {
			const me = staff(locals, 'integrations.manage');
			const input = parseInput(settingsInput, formObject(form));
			await saveIntakeSettings(db(), me, { alertResolves: input.alertResolves === 'on' });
			return { saved: true };
		})
};
