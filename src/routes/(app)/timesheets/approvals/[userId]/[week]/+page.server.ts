import { isWeek } from '#lib/domain/timesheet/weeks.js';
import { staff } from '#lib/server/auth/staff.js';
import { db } from '#lib/server/db/index.js';
import { notFound } from '#lib/server/http/errors.js';
import { formAction } from '#lib/server/http/forms.js';
import { getTenant } from '#lib/server/repositories/tenants.js';
import { decideWeeks, decisionFromForm, weekForReview } from '#lib/server/timesheets/week-decisions.js';
import type { Actions, PageServerLoad } from './$types';

function weekParams(params: { userId?: string; week?: string }) {
	if (!params.userId || !params.week || !isWeek(params.week)) throw notFound('A week is YYYY-Www.');
	return { userId: params.userId, week: params.week };
}

export const load: PageServerLoad = async ({ locals, params }) => {
	const me = staff(locals, 'timesheets.review');
	const week = weekParams(params);
	const [review, tenant] = await Promise.all([weekForReview(db(), me.tenantId, week), getTenant(db(), me.tenantId)]);
	return { ...review, week: week.week, currency: tenant?.currency ?? 'USD' };
};

function decide(decision: 'approve' | 'reject') {
	return ({ request, locals, params }: { request: Request; locals: App.Locals; params: { userId?: string; week?: string } }) =>
		formAction(request, async (form) => {
			const me = staff(locals, 'timesheets.approve');
			await decideWeeks(db(), me, decisionFromForm(form, [weekParams(params)], decision));
			return { done: decision === 'approve' ? 'Week approved.' : 'Week rejected: the person sees your comment.' };
		});
}

export const actions: Actions = { approve: decide('approve'), reject: decide('reject') };
