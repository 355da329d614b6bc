import { can } from '#lib/domain/auth/roles.js';
import { decisionInput, timeOffForm } from '#lib/domain/people/time-off.js';
import { listPeople } from '#lib/server/accounts/people.js';
import { staff } from '#lib/server/auth/staff.js';
import { db } from '#lib/server/db/index.js';
import { formAction } from '#lib/server/http/forms.js';
import { formObject, parseInput } from '#lib/server/http/validate.js';
import { tenantToday } from '#lib/server/people-time/reports.js';
import { cancelTimeOff, decideTimeOff, requestTimeOff, timeOffOverview } from '#lib/server/people-time/time-off.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const me = staff(locals, 'app.use');
	const approver = can(me.role, 'timeoff.decide');
	const [{ mine, pending }, people] = await Promise.all([
		timeOffOverview(db(), me),
		approver ? listPeople(db(), me.tenantId).then(({ members }) => members.map((m) => ({ userId: m.userId, name: m.name }))) : Promise.resolve([])
	]);
	return { mine, pending, people, approver, today: tenantToday(me) };
};

const decide = (verdict: 'approved' | 'rejected') =>
	(({ request, locals }) =>
		formAction(request, async (form) => {
			const me = staff(locals, 'timeoff.decide');
			const { comment } = parseInput(decisionInput, formObject(form));
			const decided = await decideTimeOff(db(), me, String(form.get('id') ?? ''), verdict, comment);
			return { done: `${verdict === 'approved' ? 'Approved' : 'Rejected'}: ${decided.userName ?? 'the request'}.` };
		})) satisfies Actions[string];

export const actions: Actions = {
	request: ({ request, locals }) =>
		formAction(request, async (form) => {
			const me = staff(locals, 'app.use');
			await requestTimeOff(db(), me, parseInput(timeOffForm, formObject(form)));
			return { done: 'Time off requested: an approver will decide.' };
		}),
	approve: decide('approved'),
	reject: decide('rejected'),
	cancel: ({ request, locals }) =>
		formAction(request, async (form) => {
			await cancelTimeOff(db(), staff(locals, 'app.use'), String(form.get('id') ?? ''));
			return { done: 'Request cancelled.' };
		})
};
