import { one, type Db } from '../db/index.js';

export interface PortalUser {
	tenantId: string;
	id: string;
	customerId: string;
	contactId: string;
	email: string;
	name: string;
	passwordHash: string | null;
}

const USER = `u.tenant_id AS "tenantId", u.id, u.customer_id AS "customerId", u.contact_id AS "contactId",
	u.email, u.name, u.password_hash AS "passwordHash"`;

/** A contact that may be given portal access: it exists, is not deleted, has "view" and an email. */
export function findPortalContact(db: Db, tenantId: string, customerId: string, contactId: string) {
	return one<{ name: string; email: string | null; portalAccess: string; customerName: string }>(
		db,
		`SELECT c.name, c.email, c.portal_access AS "portalAccess", cu.name AS "customerName"
		 FROM contacts c JOIN customers cu ON cu.tenant_id = c.tenant_id AND cu.id = c.customer_id AND cu.deleted_at IS NULL
		 WHERE c.tenant_id = $1 AND c.customer_id = $2 AND c.id = $3 AND c.deleted_at IS NULL`,
		[tenantId, customerId, contactId]
	);
}

/** The contact's portal account, created on first invitation (email and name refreshed after). */
export async function upsertPortalUser(
	db: Db,
	u: { tenantId: string; id: string; customerId: string; contactId: string; email: string; name: string }
): Promise<PortalUser> {
	const row = await one<PortalUser>(
		db,
		`INSERT INTO portal_users AS u (tenant_id, id, customer_id, contact_id, email, name) VALUES ($1, $2, $3, $4, $5, $6)
		 ON CONFLICT (tenant_id, contact_id) DO UPDATE SET email = EXCLUDED.email, name = EXCLUDED.name, customer_id = EXCLUDED.customer_id
		 RETURNING ${USER}`,
		[u.tenantId, u.id, u.customerId, u.contactId, u.email, u.name]
	);
	return row!;
}

export function findPortalUserByEmail(db: Db, email: string): Promise<PortalUser | undefined> {
	return one(db, `SELECT ${USER} FROM portal_users u WHERE lower(u.email) = lower($1)`, [email]);
}

export async function setPortalPassword(db: Db, tenantId: string, id: string, passwordHash: string): Promise<void> {
	await db.query('UPDATE portal_users SET password_hash = $3 WHERE tenant_id = $1 AND id = $2', [tenantId, id, passwordHash]);
}

export async function insertPortalInvitation(
	db: Db,
	inv: { tenantId: string; id: string; portalUserId: string; tokenHash: string; expiresAt: Date }
): Promise<void> {
	await db.query(
		`INSERT INTO portal_invitations (tenant_id, id, portal_user_id, token_hash, expires_at) VALUES ($1, $2, $3, $4, $5)`,
		[inv.tenantId, inv.id, inv.portalUserId, inv.tokenHash, inv.expiresAt]
	);
}

/** The open invitation a token names, with its user; null once used or expired. */
export function findOpenPortalInvitation(db: Db, tokenHash: string) {
	return one<PortalUser & { invitationId: string; companyName: string | null }>(
		db,
		`SELECT ${USER}, i.id AS "invitationId", cu.name AS "companyName"
		 FROM portal_invitations i
		 JOIN portal_users u ON u.tenant_id = i.tenant_id AND u.id = i.portal_user_id
		 LEFT JOIN customers cu ON cu.tenant_id = u.tenant_id AND cu.id = u.customer_id
		 WHERE i.token_hash = $1 AND i.accepted_at IS NULL AND i.expires_at > now()`,
		[tokenHash]
	);
}

export async function markPortalInvitationAccepted(db: Db, tenantId: string, id: string): Promise<boolean> {
	const rows = await db.query(
		`UPDATE portal_invitations SET accepted_at = now() WHERE tenant_id = $1 AND id = $2 AND accepted_at IS NULL RETURNING id`,
		[tenantId, id]
	);
	return rows.length > 0;
}

export async function insertPortalSession(db: Db, s: { id: string; tenantId: string; portalUserId: string; expiresAt: Date }) {
	await db.query('INSERT INTO portal_sessions (id, tenant_id, portal_user_id, expires_at) VALUES ($1, $2, $3, $4)', [
		s.id,
		s.tenantId,
		s.portalUserId,
		s.expiresAt
	]);
}

/** A portal session with its user, while the contact still has "view" access. */
export function findPortalSession(db: Db, id: string) {
	return one<PortalUser & { sessionId: string; expiresAt: Date }>(
		db,
		`SELECT ${USER}, s.id AS "sessionId", s.expires_at AS "expiresAt"
		 FROM portal_sessions s
		 JOIN portal_users u ON u.tenant_id = s.tenant_id AND u.id = s.portal_user_id
		 JOIN contacts c ON c.tenant_id = u.tenant_id AND c.id = u.contact_id
		   AND c.portal_access = 'view' AND c.deleted_at IS NULL
		 WHERE s.id = $1`,
		[id]
	);
}

export async function setPortalSessionExpiry(db: Db, id: string, expiresAt: Date): Promise<void> {
	await db.query('UPDATE portal_sessions SET expires_at = $2 WHERE id = $1', [id, expiresAt]);
}

export async function deletePortalSession(db: Db, id: string): Promise<void> {
	await db.query('DELETE FROM portal_sessions WHERE id = $1', [id]);
}

/**
 * Runs `fn` as the `stackdesk_portal` role under row-level security scoped to
 * one tenant and customer (DESIGN.md §4): a second wall behind every portal
 * query's own WHERE clause.
 */
export function asPortalCompany<T>(db: Db, tenantId: string, customerId: string, fn: (tx: Db) => Promise<T>): Promise<T> {
	return db.transaction(async (tx) => {
		await tx.query('SET LOCAL ROLE stackdesk_portal');
		await tx.query(`SELECT set_config('stackdesk.tenant_id', $1, true), set_config('stackdesk.customer_id', $2, true)`, [
			tenantId,
			customerId
		]);
		return fn(tx);
	});
}
