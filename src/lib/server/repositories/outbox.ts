import type { Db } from '../db/index.js';

export interface OutboxRow {
	tenantId: string;
	id: number;
	docName: string;
	attempts: number;
}

/**
 * Claims up to `limit` waiting rows (or rows whose claim expired: a worker died)
 * with SKIP LOCKED, so workers on every node share the queue without waiting on each other.
 */
export function claimOutbox(db: Db, limit: number, leaseMs: number): Promise<OutboxRow[]> {
	return db.query(
		`UPDATE outbox o SET claimed_until = now() + ($2 * interval '1 millisecond'), attempts = o.attempts + 1
		 FROM (SELECT tenant_id, id FROM outbox
		       WHERE claimed_until IS NULL OR claimed_until < now()
		       ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED) c
		 WHERE o.tenant_id = c.tenant_id AND o.id = c.id
		 RETURNING o.tenant_id AS "tenantId", o.id, o.doc_name AS "docName", o.attempts`,
		[limit, leaseMs]
	);
}

export async function deleteOutboxRows(db: Db, rows: Pick<OutboxRow, 'tenantId' | 'id'>[]): Promise<void> {
	if (rows.length === 0) return;
	await db.query(
		`DELETE FROM outbox o USING jsonb_to_recordset($1::jsonb) AS r("tenantId" uuid, id bigint)
		 WHERE o.tenant_id = r."tenantId" AND o.id = r.id`,
		[JSON.stringify(rows.map(({ tenantId, id }) => ({ tenantId, id })))]
	);
}

