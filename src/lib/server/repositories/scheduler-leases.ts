import type { Db } from '../db/index.js';

/**
 * Jobs one node at a time runs on a schedule (migration 014): the node that
 * claims a job's lease runs it, the others skip their turn. A lease held past
 * `leaseMs` (its node died mid-run) lapses and the next claim takes it.
 */

/** True when this caller now holds the job: it is due and nobody else holds it. */
export async function claimLease(db: Db, name: string, holder: string, leaseMs: number): Promise<boolean> {
	await db.query(`INSERT INTO scheduler_leases (name) VALUES ($1) ON CONFLICT DO NOTHING`, [name]);
	const rows = await db.query(
		`UPDATE scheduler_leases SET lease_until = now() + ($3 * interval '1 millisecond'), holder = $2
		 WHERE name = $1 AND due_at <= now() AND (lease_until IS NULL OR lease_until < now()) RETURNING name`,
		[name, holder, leaseMs]
	);
	return rows.length === 1;
}

/** Lets the job go; it falls due again in `nextInMs`. */
export async function releaseLease(db: Db, name: string, holder: string, nextInMs: number): Promise<void> {
	await db.query(
		`UPDATE scheduler_leases SET lease_until = NULL, holder = NULL, due_at = now() + ($3 * interval '1 millisecond')
		 WHERE name = $1 AND holder = $2`,
		[name, holder, nextInMs]
	);
}
