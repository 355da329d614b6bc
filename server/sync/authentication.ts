import type { Extension, onAuthenticatePayload } from '@hocuspocus/server';
import { documentAccess } from '#lib/domain/documents/access.js';
import { parseDocName } from '#lib/domain/documents/names.js';
import { SESSION_COOKIE } from '#lib/server/auth/cookies.js';
import { validateSyncToken, validateWebToken, type Identity } from '#lib/server/auth/sessions.js';
import type { Db } from '#lib/server/db/index.js';

export interface SyncContext {
	identity: Identity;
	readOnly: boolean;
}

/** Hocuspocus sends `reason` to the client as the permission-denied message. */
function refuse(reason: string): never {
	throw Object.assign(new Error(reason), { reason });
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
 */
export function authentication(db: Db): Extension {
	return {
		async onAuthenticate(data: onAuthenticatePayload): Promise<SyncContext> {
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
