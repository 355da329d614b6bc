import type { WeekCapacity } from '#lib/domain/people/capacity.js';
import { one, type Db } from '../db/index.js';

/** Capacities set for people of a tenant; someone without a row works the default week. */
export async function listCapacity(db: Db, tenantId: string): Promise<Map<string, WeekCapacity>> {
	const rows = await db.query<{ userId: string; minutes: number[] }>(
		`SELECT user_id::text AS "userId", minutes FROM staff_capacity WHERE tenant_id = $1`,
		[tenantId]
	);
	return new Map(rows.map((r) => [r.userId, r.minutes]));
}

export async function findCapacity(db: Db, tenantId: string, userId: string): Promise<WeekCapacity | undefined> {
	return (await one<{ minutes: number[] }>(db, `SELECT minutes FROM staff_capacity WHERE tenant_id = $1 AND user_id = $2`, [tenantId, userId]))?.minutes;
}

export async function upsertCapacity(db: Db, c: { tenantId: string; userId: string; minutes: readonly number[]; updatedBy: string | null }): Promise<void> {
	await db.query(
		`INSERT INTO staff_capacity (tenant_id, user_id, minutes, updated_by) VALUES ($1, $2, $3::int[], $4)
		 ON CONFLICT (tenant_id, user_id) DO UPDATE SET minutes = EXCLUDED.minutes, updated_by = EXCLUDED.updated_by, updated_at = now()`,
		[c.tenantId, c.userId, c.minutes, c.updatedBy]
	);
}
