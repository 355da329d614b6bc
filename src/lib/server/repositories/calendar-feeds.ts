import { one, type Db } from '../db/index.js';

/** Gives a person a (new) feed secret; the old URL stops working. */
export async function replaceFeed(db: Db, tenantId: string, userId: string, tokenHash: string): Promise<void> {
	await db.query(
		`INSERT INTO calendar_feeds (token_hash, tenant_id, user_id) VALUES ($1, $2, $3)
		 ON CONFLICT (tenant_id, user_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = now()`,
		[tokenHash, tenantId, userId]
	);
}

export async function hasFeed(db: Db, tenantId: string, userId: string): Promise<boolean> {
	return !!(await one(db, `SELECT 1 FROM calendar_feeds WHERE tenant_id = $1 AND user_id = $2`, [tenantId, userId]));
}

export async function deleteFeed(db: Db, tenantId: string, userId: string): Promise<void> {
	await db.query(`DELETE FROM calendar_feeds WHERE tenant_id = $1 AND user_id = $2`, [tenantId, userId]);
}

/** The feed a secret opens, with the tenant's name and time zone, if the person is still a member. */
export function findFeed(db: Db, tokenHash: string): Promise<{ tenantId: string; tenantName: string; timeZone: string } | undefined> {
	return one(
		db,
		`SELECT t.id AS "tenantId", t.name AS "tenantName", t.time_zone AS "timeZone"
		 FROM calendar_feeds f JOIN tenants t ON t.id = f.tenant_id WHERE f.token_hash = $1`,
		[tokenHash]
	);
}
