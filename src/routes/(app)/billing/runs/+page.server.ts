import { redirect } from '@sveltejs/kit';
import { staff } from '#lib/server/auth/staff.js';
import { lastMonth, runFromForm } from '#lib/server/billing/billing-forms.js';
import { startRun } from '#lib/server/billing/runs.js';
import { tenantToday } from '#lib/server/billing/today.js';
import { db } from '#lib/server/db/index.js';
import { formAction } from '#lib/server/http/forms.js';
import { listRuns } from '#lib/server/repositories/billing-runs.js';
import { getTenant } from '#lib/server/repositories/tenants.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const me = staff(locals, 'billing.manage');
	const today = tenantToday(me);
	const [runs, tenant] = await Promise.all([listRuns(db(), me.tenantId), getTenant(db(), me.tenantId)]);
	return { runs, currency: tenant?.currency ?? 'USD', defaults: { ...lastMonth(today), issuedOn: today } };
};

export const actions: Actions = {
	/** Starts a run and drafts it, then opens its pre-bill. */
	start: ({ request, locals }) =>
		formAction(request, async (form) => {
			const me = staff(locals, 'billing.manage');
			const run = await startRun(db(), me, runFromForm(form), tenantToday(me));
			redirect(303, `/billing/runs/${run.id}`);
		})
};
