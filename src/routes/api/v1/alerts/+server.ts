import { json } from '@sveltejs/kit';
import { alertBody } from '#lib/domain/intake/alert.js';
import { db } from '#lib/server/db/index.js';
import { readJson } from '#lib/server/http/api.js';
import { receiveAlert } from '#lib/server/intake/alerts.js';
import { intakeEndpoint } from '#lib/server/intake/endpoint.js';

/** An alert from a monitoring tool (docs/api.md): 201 with the new ticket, 200 for a repeat or a resolve. */
export const POST = intakeEndpoint(async (intake, { request }) => {
	const body = await readJson(request, alertBody);
	const outcome = await receiveAlert(db(), intake, body);
	return json(outcome, { status: outcome.action === 'created' ? 201 : 200 });
});
