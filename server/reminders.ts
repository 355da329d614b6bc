import type { Db } from '#lib/server/db/index.js';
import { scanTenant } from '#lib/server/reminders/scan.js';
import { listTenants } from '#lib/server/repositories/tenants.js';

/**
 * Scans every tenant for due contract reminders now and then on a timer. Safe
 * on every node at once: each reminder is claimed in the database before it is sent.
 */
export function startReminders(db: Db, origin: string, everyMs: number) {
	let running: Promise<void> | undefined;
	const scanAll = async () => {
		for (const tenant of await listTenants(db)) {
			await scanTenant(db, tenant, origin).catch((error) => console.error(`reminders for ${tenant.id}:`, error));
		}
	};
	const tick = () => {
		running ??= scanAll()
			.catch((error) => console.error('reminders:', error))
			.finally(() => (running = undefined));
	};
	tick();
	const timer = setInterval(tick, everyMs);
	timer.unref();
	return {
		async stop() {
			clearInterval(timer);
			await running;
		}
	};
}
