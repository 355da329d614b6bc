import { one, type Db } from '../db/index.js';
import { deleteTenantBilling } from './billing-runs.js';
import { deleteTenantProjections } from './projections.js';

export interface Tenant {
	id: string;
	name: string;
	currency: string;
	timeZone: string;
	/** days before a contract's notice deadline to remind, e.g. "90 30 7" */
	reminderDays: string;
	/** each submitted timesheet week is approved at once (decision 026) */
	autoApproveTimesheets: boolean;
	createdAt: Date;
}

const COLUMNS = 'id, name, currency, time_zone AS "timeZone", reminder_days AS "reminderDays", auto_approve_timesheets AS "autoApproveTimesheets", created_at AS "createdAt"';

export async function insertTenant(db: Db, tenant: Pick<Tenant, 'id' | 'name'>): Promise<Tenant> {
	const row = await one<Tenant>(
		db,
		`INSERT INTO tenants (id, name) VALUES ($1, $2) RETURNING ${COLUMNS}`,
		[tenant.id, tenant.name]
	);
	return row!;
}

export function getTenant(db: Db, id: string): Promise<Tenant | undefined> {
	return one(db, `SELECT ${COLUMNS} FROM tenants WHERE id = $1`, [id]);
}

export function findTenantByName(db: Db, name: string): Promise<Tenant | undefined> {
	return one(db, `SELECT ${COLUMNS} FROM tenants WHERE name = $1 ORDER BY created_at LIMIT 1`, [name]);
}

export async function updateTenant(
	db: Db,
	id: string,
	patch: Pick<Tenant, 'name' | 'currency' | 'timeZone'> & { reminderDays?: string; autoApproveTimesheets?: boolean }
): Promise<Tenant> {
	const row = await one<Tenant>(
		db,
		`UPDATE tenants SET name = $2, currency = $3, time_zone = $4, reminder_days = coalesce($5, reminder_days),
		 auto_approve_timesheets = coalesce($6, auto_approve_timesheets)
		 WHERE id = $1 RETURNING ${COLUMNS}`,
		[id, patch.name, patch.currency, patch.timeZone, patch.reminderDays ?? null, patch.autoApproveTimesheets ?? null]
	);
	return row!;
}

export function listTenants(db: Db): Promise<Tenant[]> {
	return db.query(`SELECT ${COLUMNS} FROM tenants ORDER BY id`);
}

export async function countTenants(db: Db): Promise<number> {
	const row = await one<{ n: number }>(db, 'SELECT count(*)::int AS n FROM tenants');
	return row?.n ?? 0;
}

/** The tenant and everything it owns: its rows cascade, its projections (no foreign key) go explicitly. */
export async function deleteTenant(db: Db, id: string): Promise<void> {
	await db.transaction(async (tx) => {
		await deleteTenantProjections(tx, id);
		await deleteTenantBilling(tx, id);
		await tx.query('DELETE FROM tenants WHERE id = $1', [id]);
	});
}
