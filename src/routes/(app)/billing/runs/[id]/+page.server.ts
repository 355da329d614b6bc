import { redirect } from '@sveltejs/kit';
import { staff } from '#lib/server/auth/staff.js';
import { adjustmentFromForm } from '#lib/server/billing/billing-forms.js';
import { postRun } from '#lib/server/billing/post-run.js';
import { runView } from '#lib/server/billing/run-view.js';
import { adjustLine, discardRun, redraft } from '#lib/server/billing/runs.js';
import { tenantToday } from '#lib/server/billing/today.js';
import { db } from '#lib/server/db/index.js';
import { formAction } from '#lib/server/http/forms.js';
import { uuidParam } from '#lib/server/http/validate.js';
import { draftLines } from '#lib/server/repositories/billing-runs.js';
import { getTenant } from '#lib/server/repositories/tenants.js';
import type { Actions, PageServerLoad } from './$types';

/** The run's pre-bill (a draft) or its invoices (posted); `?customer=` opens that customer's lines. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const me = staff(locals, 'billing.manage');
	const runId = uuidParam(params.id, 'No such billing run.');
	const [view, tenant] = await Promise.all([runView(db(), me.tenantId, runId, tenantToday(me)), getTenant(db(), me.tenantId)]);
	const wanted = url.searchParams.get('customer');
	const open = view.customers.some((c) => c.customerId === wanted) ? wanted : null;
	return { ...view, open, lines: open ? await draftLines(db(), me.tenantId, runId, open) : [], currency: tenant?.currency ?? 'USD' };
};

type Event = { request: Request; locals: App.Locals; params: { id?: string } };

function action<T>(run: (me: ReturnType<typeof staff>, runId: string, form: FormData) => Promise<T>) {
	return ({ request, locals, params }: Event) =>
		formAction(request, (form) => run(staff(locals, 'billing.manage'), uuidParam(params.id, 'No such billing run.'), form));
}

export const actions: Actions = {
	redraft: action(async (me, runId) => {
		const run = await redraft(db(), me.tenantId, runId);
		return { done: `Re-drafted: ${run.customers} ${run.customers === 1 ? 'customer' : 'customers'}, ${run.lines} ${run.lines === 1 ? 'line' : 'lines'}. Adjustments were kept.` };
	}),
	post: action(async (me, runId) => {
		const posted = await postRun(db(), me, runId);
		const range = posted.first === posted.last ? posted.first : `${posted.first} to ${posted.last}`;
		return { done: `Posted ${posted.invoices} ${posted.invoices === 1 ? 'invoice' : 'invoices'}: ${range}.` };
	}),
	discard: action(async (me, runId) => {
		await discardRun(db(), me, runId);
		redirect(303, '/billing/runs');
	}),
	adjust: action(async (me, runId, form) => {
		const { lineNo, change } = adjustmentFromForm(form, String(form.get('currency') ?? ''));
		const line = await adjustLine(db(), me, runId, lineNo, change);
		return { done: `Line adjusted: ${line.description}.`, lineNo };
	})
};
