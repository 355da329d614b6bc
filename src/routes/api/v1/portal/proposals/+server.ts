import { json } from '@sveltejs/kit';
import { proposalInput } from '#lib/domain/portal/proposals.js';
import { db } from '#lib/server/db/index.js';
import { endpoint, readJson } from '#lib/server/http/api.js';
import { portalUser } from '#lib/server/portal/guard.js';
import { proposeChange } from '#lib/server/portal/proposals.js';

/** A contact proposes a change to their company's profile or contacts; staff review it. */
export const POST = endpoint(async ({ locals, request }) => {
	const me = portalUser(locals);
	const input = await readJson(request, proposalInput);
	return json({ proposal: await proposeChange(db(), me, input) }, { status: 201 });
});
