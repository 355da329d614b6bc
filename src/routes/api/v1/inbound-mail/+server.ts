import { json } from '@sveltejs/kit';
import { db } from '#lib/server/db/index.js';
import { readBytes } from '#lib/server/http/api.js';
import { intakeEndpoint } from '#lib/server/intake/endpoint.js';
import { MAIL_SIZE_LIMIT, receiveMail } from '#lib/server/intake/mail.js';

/** A raw RFC 822 message from a mail gateway (docs/api.md): 201 with a new ticket, 200 for a reply or a mail already taken in. */
export const POST = intakeEndpoint(async (intake, { request }) => {
	const raw = await readBytes(request, MAIL_SIZE_LIMIT);
	const outcome = await receiveMail(db(), intake, raw);
	return json(outcome, { status: outcome.action === 'created' ? 201 : 200 });
});
