import { redirect } from '@sveltejs/kit';
import { requestFromForm, requestInput } from '#lib/domain/portal/requests.js';
import { db } from '#lib/server/db/index.js';
import { formAction } from '#lib/server/http/forms.js';
import { formObject, parseInput } from '#lib/server/http/validate.js';
import { portalOrLogin } from '#lib/server/portal/guard.js';
import { requestTypes, submitRequest } from '#lib/server/portal/requests.js';
import type { Actions, PageServerLoad } from './$types';

/** The request types the IT provider offers, each with its follow-up questions. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const me = portalOrLogin(locals);
	return { types: await requestTypes(db(), me), typeId: url.searchParams.get('type') };
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const me = portalOrLogin(locals);
		const result = await formAction(request, (form) => submitRequest(db(), me, parseInput(requestInput, requestFromForm(formObject(form)))));
		if ('id' in result) redirect(303, `/portal/tickets/${result.id}?submitted=1`);
		return result;
	}
};
