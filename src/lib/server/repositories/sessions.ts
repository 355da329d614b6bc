import type { Role } from '#lib/domain/auth/roles.js';
import { one, type Db } from '../db/index.js';

export type SessionKind = 'web' | 'sync';

export interface SessionRow {
	id: string;
	kind: SessionKind;
	expiresAt: Date;
	userId: string;
	tenantId: string;
	email: string;
	name: string;
	role: Role;
	tenantName: string;
	tenantTimeZone: string;
	parentExpiresAt: Date | null;
}

export async function insertSession(
	db: Db,
	s: { id: string; userId: string; tenantId: string; kind: SessionKind; expiresAt: Date; parentId?: string }
): Promise<void> {
	await db.query(
		`INSERT INTO sessions (id, user_id, tenant_id, kind, expires_at, parent_id)
		 VALUES ($1, $2, $3, $4, $5, $6)`,
		[s.id, s.userId, s.tenantId, s.kind, s.expiresAt, s.parentId ?? null]
	);
}

/**
 * The session with everything a request needs, in one query. No row when the
 * user has lost the membership of the session's tenant: that ends the session.
 */
export function findSession(db: Db, id: string): Promise<SessionRow | undefined> {
	return one(
		db,
		`SELECT s.id, s.kind, s.expires_at AS "expiresAt", s.user_id AS "userId",
		        s.tenant_id AS "tenantId", u.email, u.name, m.role, t.name AS "tenantName", t.time_zone AS "tenantTimeZone",
		        p.expires_at AS "parentExpiresAt"
		 FROM sessions s
		 JOIN users u ON u.id = s.user_id
		 JOIN memberships m ON m.tenant_id = s.tenant_id AND m.user_id = s.user_id
		 JOIN tenants t ON t.id = s.tenant_id
		 LEFT JOIN sessions p ON p.id = s.parent_id
		 WHERE s.id = $1`,
		[id]
	);
}

export async function setSessionExpiry(db: Db, id: string, expiresAt: Date): Promise<void> {
	await db.query('UPDATE sessions SET expires_at = $2 WHERE id = $1', [id, expiresAt]);
}

/** Deletes a session and, through the foreign key, the sync tokens made from it. */
export async function deleteSession(db: Db, id: string): Promise<void> {
	await db.query('DELETE FROM sessions WHERE id = $1', [id]);
}

export async function deleteSessionsOf(db: Db, tenantId: string, userId: string): Promise<void> {
	await db.query('DELETE FROM sessions WHERE tenant_id = $1 AND user_id = $2', [tenantId, userId]);
}

export async function deleteExpiredSessions(db: Db, now: Date = new Date()): Promise<number> {
	const rows = await db.query('DELETE FROM sessions WHERE expires_at <= $1 RETURNING id', [now]);
	return rows.length;
}
