import { staff } from '#lib/server/auth/staff.js';
import { billingSettingsForm, billingSettingsInput, saveBillingSettings } from '#lib/server/billing/billing-settings.js';
import { db } from '#lib/server/db/index.js';
import { formAction } from '#lib/server/http/forms.js';
import { parseInput } from '#lib/server/http/validate.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const me = staff(locals, 'billing.manage');
	return await billingSettingsForm(db(), me.tenantId);
};

const text = (form: FormData, name: string) => String(form.get(name) ?? '');

export const actions: Actions = {
	/** The invoice details, the logo and the accounting mapping; the mapping's fields come as `mapping.FIELD`. */
	save: ({ request, locals }) =>
		formAction(request, async (form) => {
			const me = staff(locals, 'billing.manage');
			const mapping = Object.fromEntries([...form.keys()].filter((k) => k.startsWith('mapping.')).map((k) => [k.slice('mapping.'.length), text(form, k)]));
			const input = parseInput(billingSettingsInput, { address: text(form, 'address'), email: text(form, 'email'), phone: text(form, 'phone'), taxId: text(form, 'taxId'), footer: text(form, 'footer'), mapping });
			const logo = form.get('logo');
			await saveBillingSettings(db(), me, input, { file: logo instanceof File ? logo : null, remove: form.get('removeLogo') === 'on' });
			return { done: 'Saved: the next invoice PDF and export use these.' };
		})
};
