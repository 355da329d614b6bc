import { z } from 'zod';
import { staff } from '#lib/server/auth/staff.js';
import { db } from '#lib/server/db/index.js';
import { formAction } from '#lib/server/http/forms.js';
import { getTenant } from '#lib/server/repositories/tenants.js';
import { listApprovals } from '#lib/server/repositories/week-approval-lists.js';
import { decideWeeks, decisionFromForm } from '#lib/server/timesheets/week-decisions.js';
import type { Actions, PageServerLoad } from './$types';

const view = z.enum(['waiting', 'approved', 'rejected']).catch('waiting');

export const load: PageServerLoad = async ({ locals, url }) => {
	const me = staff(locals, 'timesheets.review');
	const shown = view.parse(url.searchParams.get('view') ?? undefined);
	const [weeks, tenant] = await Promise.all([listApprovals(db(), me.tenantId, shown), getTenant(db(), me.tenantId)]);
	return { view: shown, weeks, currency: tenant?.currency ?? 'USD', autoApprove: !!tenant?.autoApproveTimesheets };
};

/** The ticked weeks: each checkbox's value is `USER|YYYY-Www`. */
function tickedWeeks(form: FormData) {
	return form.getAll('week').flatMap((value) => {
		const [userId, week] = String(value).split('|');
		return userId && week ? [{ userId, week }] : [];
	});
}

function decide(decision: 'approve' | 'reject') {
	return ({ request, locals }: { request: Request; locals: App.Locals }) =>
		formAction(request, async (form) => {
			const me = staff(locals, 'timesheets.approve');
			const { decided } = await decideWeeks(db(), me, decisionFromForm(form, tickedWeeks(form), decision));
			return { done: `${decided} ${decided === 1 ? 'week' : 'weeks'} ${decision === 'approve' ? 'approved' : 'rejected'}.` };
		});
}

export const actions: Actions = { approve: decide('approve'), reject: decide('reject') };
