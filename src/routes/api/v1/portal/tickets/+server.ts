import { json } from '@sveltejs/kit';
import { requestInput } from '#lib/domain/portal/requests.js';
import { db } from '#lib/server/db/index.js';
import { endpoint, readJson } from '#lib/server/http/api.js';
import { portalUser } from '#lib/server/portal/guard.js';
import { listTickets, requestTypes, submitRequest } from '#lib/server/portal/requests.js';

/** The company's tickets, newest activity first, and the request types the portal offers. */
export const GET = endpoint(async ({ locals }) => {
	const me = portalUser(locals);
	return json({ tickets: await listTickets(db(), me), types: await requestTypes(db(), me) });
});

/** A request of an offered type, with the answers to its follow-up questions, becomes a ticket. */
export const POST = endpoint(async ({ locals, request }) => {
	const me = portalUser(locals);
	const input = await readJson(request, requestInput);
	return json({ ticket: await submitRequest(db(), me, input) }, { status: 201 });
});
