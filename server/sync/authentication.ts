import type { Extension, onAuthenticatePayload } from '@hocuspocus/server';
import { documentAccess } from '#lib/domain/documents/access.js';
import { parseDocName } from '#lib/domain/documents/names.js';
import { SCHEMA_VERSION } from '#lib/domain/documents/shape.js';
import { SESSION_COOKIE } from '#lib/server/auth/cookies.js';
import { validateSyncToken, validateWebToken, type Identity } from '#lib/server/auth/sessions.js';
import type { Db } from '#lib/server/db/index.js';
import { refuse } from './refuse.js';

export interface SyncContext {
	identity: Identity;
	readOnly: boolean;
}


function cookieToken(headers: Headers): string | undefined {
	const cookie = headers.get('cookie') ?? '';
	const match = cookie.split(/;\s*/).find((c) => c.startsWith(`${SESSION_COOKIE}=`));
	return match?.slice(SESSION_COOKIE.length + 1) || undefined;
}

/** The provider's token (from POST /api/v1/sync/token), else the same-origin session cookie. */
async function identify(db: Db, token: string, headers: Headers): Promise<Identity | null> {
	if (token) return validateSyncToken(db, token);
	const cookie = cookieToken(headers);
	return cookie ? ((await validateWebToken(db, cookie))?.identity ?? null) : null;
}

/**
 * No document opens without a valid session: the name must parse, belong to
 * the user's tenant and be a kind the role may open; read-only where it may only read.
 * The socket URL carries the client's `schemaVersion`: another version gets "please-reload".
 */
export function authentication(db: Db): Extension {
	return {
		async onAuthenticate(data: onAuthenticatePayload): Promise<SyncContext> {
			// a client built for an older document shape must reload before it writes anything
			if (Number(data.requestParameters.get('schemaVersion')) !== SCHEMA_VERSION) refuse('please-reload');
			const identity = await identify(db, data.token ?? '', data.requestHeaders);
			if (!identity) refuse('unauthenticated');
			const doc = parseDocName(data.documentName);
			if (!doc) refuse('invalid-document-name');
			const access = documentAccess(identity, doc);
			if (access === 'none') refuse('forbidden');
			data.connectionConfig.readOnly = access === 'read';
			return { identity, readOnly: access === 'read' };
		}
	};
}
