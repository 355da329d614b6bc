import type { Db } from '#lib/server/db/index.js';
import { todayIn } from '#lib/domain/today.js';
import { remindOverdue } from '#lib/server/billing/invoice-mail.js';
import { serverNow } from '#lib/server/clock.js';
import { scanTenant } from '#lib/server/reminders/scan.js';
import { listTenants } from '#lib/server/repositories/tenants.js';
import { repeat } from '#lib/server/repeat.js';

/**
 * Scans every tenant for due contract reminders and overdue invoices now and
 * then on a timer. Safe on every node at once: each reminder is claimed in the
 * database before it is sent.
 */
/** One scan of every tenant; a tenant that fails is logged and the others still get theirs. */
export async function scanAll(db: Db, origin: string) {
	const total = { tenants: 0, items: 0, due: 0, sent: 0 };
	for (const tenant of await listTenants(db)) {
		await remindOverdue(db, tenant.id, todayIn(tenant.timeZone, serverNow(tenant.id))).catch((error) => console.error(`overdue invoices of ${tenant.id}:`, error));
		const result = await scanTenant(db, tenant, origin).catch((error) => console.error(`reminders for ${tenant.id}:`, error));
		if (!result) continue;
		total.tenants++;
		total.items += result.items;
		total.due += result.due;
		total.sent += result.sent;
	}
	return total;
}

export function startReminders(db: Db, origin: string, everyMs: number) {
	return repeat('reminders', everyMs, () => scanAll(db, origin));
}
