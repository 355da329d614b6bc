import { tenantSettings, updateTenantSettings } from '#lib/server/accounts/tenant.js';
import { tenantInput } from '#lib/server/accounts/schemas.js';
import { staff } from '#lib/server/auth/staff.js';
import { db } from '#lib/server/db/index.js';
import { formAction } from '#lib/server/http/forms.js';
import { formObject, parseInput } from '#lib/server/http/validate.js';
import type { Actions, PageServerLoad } from './$types';

function timeZones(): string[] {
	const zones = Intl.supportedValuesOf('timeZone');
	return zones.includes('UTC') ? zones : ['UTC', ...zones];
}

export const load: PageServerLoad = async ({ locals }) => {
	const me = staff(locals, 'app.use');
	const tenant = await tenantSettings(db(), me.tenantId);
	return { company: tenant, timeZones: timeZones() };
};

export const actions: Actions = {
	default: ({ request, locals }) =>
		formAction(request, async (form) => {
			const me = staff(locals, 'tenant.update');
			const input = parseInput(tenantInput, formObject(form));
			await updateTenantSettings(db(), me, input);
			return { saved: true };
		})
};
