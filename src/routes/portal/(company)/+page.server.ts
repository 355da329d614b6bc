import { describeProposal, proposalFromForm, proposalInput } from '#lib/domain/portal/proposals.js';
import { db } from '#lib/server/db/index.js';
import { formAction } from '#lib/server/http/forms.js';
import { formObject, parseInput } from '#lib/server/http/validate.js';
import { portalCompany } from '#lib/server/portal/accounts.js';
import { portalOrLogin, portalUser } from '#lib/server/portal/guard.js';
import { portalBilling } from '#lib/server/portal/invoices.js';
import { listTickets } from '#lib/server/portal/requests.js';
import { proposeChange } from '#lib/server/portal/proposals.js';
import type { Actions, PageServerLoad } from './$types';

/** The contact's own company only: the portal reads projections, under row-level security. */
export const load: PageServerLoad = async ({ locals }) => {
	const me = portalOrLogin(locals);
	const company = await portalCompany(db(), me);
	const [tickets, billing] = await Promise.all([listTickets(db(), me), portalBilling(db(), me)]);
	return { ...company, tickets, billing };
};

export const actions: Actions = {
	/** A suggested change to the profile or the contacts, for the IT provider to review. */
	propose: ({ request, locals }) =>
		formAction(request, async (form) => {
			const me = portalUser(locals);
			const proposal = await proposeChange(db(), me, parseInput(proposalInput, proposalFromForm(formObject(form))));
			return { proposed: describeProposal(proposal) };
		})
};
