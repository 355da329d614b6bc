import { json } from '@sveltejs/kit';
import { db } from '#lib/server/db/index.js';
import { readBytes } from '#lib/server/http/api.js';
import { intakeEndpoint } from '#lib/server/intake/endpoint.js';
import { MAIL_SIZE_LIMIT, receiveMail } from '#lib/server/intake/mail.js';

/**
 * A raw RFC 822 message from a mail gateway (docs/api.md): 201 with a new
 * ticket, 200 for a reply or a mail already taken in, 202 for an automatic
 * reply (out of office, a bounce) taken in as nothing.
 */
export const POST = intakeEndpoint(async (intake, { request }) => {
	const raw = await readBytes(request, MAIL_SIZE_LIMIT);
	const outcome = await receiveMail(db(), intake, raw);
	const status = { created: 201, threaded: 200, duplicate: 200, ignored: 202 }[outcome.action];
	return json(outcome, { status });
});
