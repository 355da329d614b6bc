import type { Role } from '#lib/domain/auth/roles.js';
import { one, type Db } from '../db/index.js';

export interface Invitation {
	id: string;
	tenantId: string;
	email: string;
	role: Role;
	createdAt: Date;
	expiresAt: Date;
	acceptedAt: Date | null;
	revokedAt: Date | null;
	tenantName: string;
	invitedByName: string | null;
}

const SELECT = `SELECT i.id, i.tenant_id AS "tenantId", i.email, i.role, i.created_at AS "createdAt",
	i.expires_at AS "expiresAt", i.accepted_at AS "acceptedAt", i.revoked_at AS "revokedAt",
	t.name AS "tenantName", u.name AS "invitedByName"
	FROM invitations i JOIN tenants t ON t.id = i.tenant_id LEFT JOIN users u ON u.id = i.invited_by`;

export async function insertInvitation(
	db: Db,
	inv: { tenantId: string; id: string; email: string; role: Role; tokenHash: string; invitedBy: string; expiresAt: Date }
): Promise<void> {
	await db.query(
		`INSERT INTO invitations (tenant_id, id, email, role, token_hash, invited_by, expires_at)
		 VALUES ($1, $2, $3, $4, $5, $6, $7)`,
		[inv.tenantId, inv.id, inv.email, inv.role, inv.tokenHash, inv.invitedBy, inv.expiresAt]
	);
}

export function findInvitationByTokenHash(db: Db, tokenHash: string): Promise<Invitation | undefined> {
	return one(db, `${SELECT} WHERE i.token_hash = $1`, [tokenHash]);
}

/** Marks it accepted unless someone else did first; false when it was no longer open. */
export async function markInvitationAccepted(db: Db, tenantId: string, id: string): Promise<boolean> {
	const rows = await db.query(
		`UPDATE invitations SET accepted_at = now()
		 WHERE tenant_id = $1 AND id = $2 AND accepted_at IS NULL AND revoked_at IS NULL RETURNING id`,
		[tenantId, id]
	);
	return rows.length > 0;
}

export function listOpenInvitations(db: Db, tenantId: string): Promise<Invitation[]> {
	return db.query(
		`${SELECT} WHERE i.tenant_id = $1 AND i.accepted_at IS NULL AND i.revoked_at IS NULL
		 AND i.expires_at > now() ORDER BY i.created_at DESC`,
		[tenantId]
	);
}

export async function revokeInvitation(db: Db, tenantId: string, id: string): Promise<boolean> {
	const rows = await db.query(
		`UPDATE invitations SET revoked_at = now()
		 WHERE tenant_id = $1 AND id = $2 AND accepted_at IS NULL AND revoked_at IS NULL RETURNING id`,
		[tenantId, id]
	);
	return rows.length > 0;
}
