import type { Role } from '#lib/domain/auth/roles.js';
import { config } from '../config.js';
import type { Db } from '../db/index.js';
import {
	deleteSession,
	findSession,
	insertSession,
	setSessionExpiry,
	type SessionRow
} from '../repositories/sessions.js';
import { generateToken, hashToken, judgeSession, syncExpiry, webExpiry } from './session-token.js';

/** Who a valid token belongs to, as hooks and the sync server need it. */
export interface Identity {
	sessionId: string;
	userId: string;
	email: string;
	name: string;
	tenantId: string;
	tenantName: string;
	/** the tenant's IANA time zone, in which dates are shown */
	tenantTimeZone: string;
	role: Role;
	expiresAt: Date;
}

function identity(row: SessionRow, expiresAt: Date = row.expiresAt): Identity {
	const { id, userId, email, name, tenantId, tenantName, tenantTimeZone, role } = row;
	return { sessionId: id, userId, email, name, tenantId, tenantName, tenantTimeZone, role, expiresAt };
}

export async function createWebSession(db: Db, userId: string, tenantId: string) {
	const token = generateToken();
	const expiresAt = webExpiry();
	await insertSession(db, { id: hashToken(token), userId, tenantId, kind: 'web', expiresAt });
	return { token, expiresAt };
}

/**
 * Validates a browser session token. An expired one is deleted; one in the
 * second half of its life slides forward (`renewed` tells the caller to resend the cookie).
 */
export async function validateWebToken(
	db: Db,
	token: string
): Promise<{ identity: Identity; renewed: boolean } | null> {
	const row = await findSession(db, hashToken(token));
	if (!row || row.kind !== 'web') return null;
	const verdict = judgeSession(row.expiresAt);
	if (verdict === 'expired') {
		await deleteSession(db, row.id);
		return null;
	}
	if (verdict === 'renew') {
		const expiresAt = webExpiry();
		await setSessionExpiry(db, row.id, expiresAt);
		return { identity: identity(row, expiresAt), renewed: true };
	}
	return { identity: identity(row), renewed: false };
}

/** A short-lived token for the websocket, tied to the browser session that asked for it. */
export async function createSyncToken(db: Db, parent: Identity) {
	const token = generateToken();
	const expiresAt = syncExpiry(config().syncTokenTtlMs);
	await insertSession(db, {
		id: hashToken(token),
		userId: parent.userId,
		tenantId: parent.tenantId,
		kind: 'sync',
		expiresAt,
		parentId: parent.sessionId
	});
	return { token, expiresAt };
}

/** A sync token is good while it and its browser session are both unexpired. */
export async function validateSyncToken(db: Db, token: string, now = new Date()): Promise<Identity | null> {
	const row = await findSession(db, hashToken(token));
	if (!row || row.kind !== 'sync') return null;
	if (row.expiresAt <= now || !row.parentExpiresAt || row.parentExpiresAt <= now) return null;
	return identity(row);
}

export function invalidateSession(db: Db, sessionId: string): Promise<void> {
	return deleteSession(db, sessionId);
}
