import { replyInput } from '#lib/domain/portal/requests.js';
import { db } from '#lib/server/db/index.js';
import { formAction } from '#lib/server/http/forms.js';
import { formObject, parseInput } from '#lib/server/http/validate.js';
import { portalProvider } from '#lib/server/portal/accounts.js';
import { portalOrLogin } from '#lib/server/portal/guard.js';
import { findTicket, readTicket, replyToTicket } from '#lib/server/portal/requests.js';
import type { Actions, PageServerLoad } from './$types';

/** One of the company's tickets with its public notes; another company's is not found. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const me = portalOrLogin(locals);
	const submitted = url.searchParams.has('submitted');
	// a request sent a moment ago reaches the projections a moment later: the page waits for it
	const ticket = submitted ? await findTicket(db(), me, params.id) : await readTicket(db(), me, params.id);
	return { ticket, provider: await portalProvider(db(), me), submitted };
};

export const actions: Actions = {
	reply: ({ request, locals, params }) =>
		formAction(request, async (form) => {
			const me = portalOrLogin(locals);
			await replyToTicket(db(), me, params.id, parseInput(replyInput, formObject(form)).body);
			return { replied: true };
		})
};
