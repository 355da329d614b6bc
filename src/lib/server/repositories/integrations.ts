import { one, type Db } from '../db/index.js';

/** A tenant's integration key (its hash only) and intake settings (migration 013). */
export interface IntegrationRow {
	keyHint: string | null;
	keyCreatedAt: Date | null;
	keyCreatedByName: string | null;
	alertResolves: boolean;
}

/** The tenant a key opens, with what intake needs to know of its settings. */
export function findByKeyHash(db: Db, keyHash: string): Promise<{ tenantId: string; alertResolves: boolean } | undefined> {
	return one(db, `SELECT tenant_id AS "tenantId", alert_resolves AS "alertResolves" FROM integrations WHERE key_hash = $1`, [keyHash]);
}

export async function integrationOf(db: Db, tenantId: string): Promise<IntegrationRow> {
	const row = await one<IntegrationRow>(
		db,
		`SELECT i.key_hint AS "keyHint", i.key_created_at AS "keyCreatedAt", u.name AS "keyCreatedByName", i.alert_resolves AS "alertResolves"
		 FROM integrations i LEFT JOIN users u ON u.id = i.key_created_by WHERE i.tenant_id = $1`,
		[tenantId]
	);
	return row ?? { keyHint: null, keyCreatedAt: null, keyCreatedByName: null, alertResolves: true };
}

/** Puts a new key in place of the tenant's old one, which stops working with this statement. */
export async function replaceKey(db: Db, tenantId: string, key: { hash: string; hint: string; userId: string }): Promise<void> {
	await db.query(
		`INSERT INTO integrations (tenant_id, key_hash, key_hint, key_created_at, key_created_by) VALUES ($1, $2, $3, now(), $4)
		 ON CONFLICT (tenant_id) DO UPDATE SET key_hash = EXCLUDED.key_hash, key_hint = EXCLUDED.key_hint,
		   key_created_at = EXCLUDED.key_created_at, key_created_by = EXCLUDED.key_created_by`,
		[tenantId, key.hash, key.hint, key.userId]
	);
}

export async function deleteKey(db: Db, tenantId: string): Promise<void> {
	await db.query(`UPDATE integrations SET key_hash = NULL, key_hint = NULL, key_created_at = NULL, key_created_by = NULL WHERE tenant_id = $1`, [tenantId]);
}

export async function setAlertResolves(db: Db, tenantId: string, on: boolean): Promise<void> {
	await db.query(
		`INSERT INTO integrations (tenant_id, alert_resolves) VALUES ($1, $2)
		 ON CONFLICT (tenant_id) DO UPDATE SET alert_resolves = EXCLUDED.alert_resolves`,
		[tenantId, on]
	);
}
