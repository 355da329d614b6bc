import { rolesFor } from '#lib/domain/auth/roles.js';
import { formatHours } from '#lib/domain/billing/units.js';
import type { Db } from '../db/index.js';
import type { BillingRun } from '../repositories/billing-runs.js';
import { insertNotifications, membersWithRoles } from '../repositories/notifications.js';

/**
 * The low-balance alert: once a posted run leaves a prepaid block or retainer
 * at or under its threshold, those who bill hear of it in the app, with the
 * agreement to top up or renew.
 */
export async function alertLowBalances(db: Db, tenantId: string, balances: NonNullable<BillingRun['notes']['balances']>): Promise<void> {
	const low = balances.filter((b) => b.low);
	if (low.length === 0) return;
	const people = await membersWithRoles(db, tenantId, rolesFor('billing.manage'));
	await insertNotifications(db, tenantId, people.flatMap((p) => low.map((b) => ({
		userId: p.userId,
		kind: 'billing.low-balance',
		title: `Prepaid hours low: ${b.name}`,
		body: `${formatHours(b.remainingMinutes)} h left after the last billing run.`,
		link: `/contracts/${b.contractId}`
	}))));
}
