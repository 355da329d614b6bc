import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { serverNow } from '../clock.js';
import type { Db } from '../db/index.js';
import { repeat } from '../repeat.js';
import { claimLease, releaseLease } from '../repositories/scheduler-leases.js';
import { listTenants } from '../repositories/tenants.js';
import { runTimerRules, sum, type RuleRun } from './rule-runner.js';

/**
 * The scheduler's tick for workflow rules (decision 019): every RULES_TICK_SECONDS,
 * timer rules (idle, overdue) over every tenant's open tickets. With several
 * nodes each keeps the timer, and the one that claims the lease runs the tick.
 */

const LEASE = 'rules-tick';

export interface Tick extends RuleRun {
	tenants: number;
	ms: number;
}

/** One tick over every tenant, each at its own `now` (the test clock moves tenants apart). A tenant that fails is logged. */
export async function tickAll(db: Db, now: (tenantId: string) => Date = serverNow): Promise<Tick> {
	const started = performance.now();
	let total: RuleRun = { tickets: 0, fired: 0, changed: 0, notified: 0 };
	let tenants = 0;
	for (const tenant of await listTenants(db)) {
		const run = await runTimerRules(db, tenant.id, now(tenant.id)).catch((error) => console.error(`rules tick for tenant ${tenant.id}:`, error));
		if (!run) continue;
		tenants++;
		total = sum(total, run);
	}
	return { ...total, tenants, ms: performance.now() - started };
}

/** Ticks when this node holds the lease; null when another node has this turn. */
export async function tickIfClaimed(db: Db, holder: string, everyMs: number): Promise<Tick | null> {
	// a tick longer than this is taken to have died with its node
	const leaseMs = Math.max(10 * everyMs, 5 * 60_000);
	if (!(await claimLease(db, LEASE, holder, leaseMs))) return null;
	try {
		return await tickAll(db);
	} finally {
		// due again a little before the next timer, so that timer finds it due whichever node it is on
		await releaseLease(db, LEASE, holder, everyMs * 0.9);
	}
}

export function startRuleScheduler(db: Db, everyMs: number) {
	const holder = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
	return repeat('rules tick', everyMs, () => tickIfClaimed(db, holder, everyMs));
}
