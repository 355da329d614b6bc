import type { Role } from '#lib/domain/auth/roles.js';
import { one, type Db } from '../db/index.js';

export interface Member {
	userId: string;
	email: string;
	name: string;
	role: Role;
	createdAt: Date;
}

export async function insertMembership(
	db: Db,
	m: { tenantId: string; userId: string; role: Role }
): Promise<void> {
	await db.query('INSERT INTO memberships (tenant_id, user_id, role) VALUES ($1, $2, $3)', [
		m.tenantId,
		m.userId,
		m.role
	]);
}

export async function getRole(db: Db, tenantId: string, userId: string): Promise<Role | undefined> {
	const row = await one<{ role: Role }>(
		db,
		'SELECT role FROM memberships WHERE tenant_id = $1 AND user_id = $2',
		[tenantId, userId]
	);
	return row?.role;
}

/** The tenant a login lands in: the user's first membership. */
export async function firstTenantOf(db: Db, userId: string): Promise<string | undefined> {
	const row = await one<{ tenantId: string }>(
		db,
		`SELECT tenant_id AS "tenantId" FROM memberships WHERE user_id = $1 ORDER BY created_at LIMIT 1`,
		[userId]
	);
	return row?.tenantId;
}

export function listMembers(db: Db, tenantId: string): Promise<Member[]> {
	return db.query<Member>(
		`SELECT u.id AS "userId", u.email, u.name, m.role, m.created_at AS "createdAt"
		 FROM memberships m JOIN users u ON u.id = m.user_id
		 WHERE m.tenant_id = $1 ORDER BY u.name, u.email`,
		[tenantId]
	);
}

export async function setRole(db: Db, tenantId: string, userId: string, role: Role): Promise<boolean> {
	const rows = await db.query(
		'UPDATE memberships SET role = $3 WHERE tenant_id = $1 AND user_id = $2 RETURNING user_id',
		[tenantId, userId, role]
	);
	return rows.length > 0;
}

export async function deleteMembership(db: Db, tenantId: string, userId: string): Promise<boolean> {
	const rows = await db.query(
		'DELETE FROM memberships WHERE tenant_id = $1 AND user_id = $2 RETURNING user_id',
		[tenantId, userId]
	);
	return rows.length > 0;
}

export async function countOwners(db: Db, tenantId: string): Promise<number> {
	const row = await one<{ n: number }>(
		db,
		`SELECT count(*)::int AS n FROM memberships WHERE tenant_id = $1 AND role = 'owner'`,
		[tenantId]
	);
	return row?.n ?? 0;
}
