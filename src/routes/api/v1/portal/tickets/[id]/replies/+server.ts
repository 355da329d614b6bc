import { json } from '@sveltejs/kit';
import { replyInput } from '#lib/domain/portal/requests.js';
import { db } from '#lib/server/db/index.js';
import { endpoint, readJson } from '#lib/server/http/api.js';
import { portalUser } from '#lib/server/portal/guard.js';
import { uuidParam } from '#lib/server/http/validate.js';
import { replyToTicket } from '#lib/server/portal/requests.js';

/** The contact's reply: a public note on the ticket. */
export const POST = endpoint(async ({ locals, params, request }) => {
	const me = portalUser(locals);
	const { body } = await readJson(request, replyInput);
	await replyToTicket(db(), me, uuidParam(params.id, 'No such request at your company.'), body);
	return json({ ok: true }, { status: 201 });
});
