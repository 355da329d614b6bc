import type { RequestEvent } from '@sveltejs/kit';
import { db } from '../db/index.js';
import { endpoint } from '../http/api.js';
import { authenticateIntake, type Intake } from './keys.js';

/**
 * An intake API route: the integration key is checked before the body is read,
 * so a wrong key is a 401 (with the `WWW-Authenticate` a client expects) and
 * nothing else happens.
 */
export function intakeEndpoint<E extends RequestEvent>(handler: (intake: Intake, event: E) => Promise<Response>) {
	const run = endpoint<E>(async (event) => handler(await authenticateIntake(db(), event.request), event));
	return async (event: E): Promise<Response> => {
		const response = await run(event);
		if (response.status === 401) response.headers.set('www-authenticate', 'Bearer realm="stackdesk-intake"');
		return response;
	};
}
