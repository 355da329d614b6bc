import { DEFAULT_STATUS_RECORDS } from '#lib/domain/servicedesk/settings.js';
import type { Db } from '../db/index.js';

/**
 * What a customer's reply does to the ticket's status: a ticket waiting on the
 * customer (a status that pauses the SLA clock) or already done moves on to the
 * "In progress", or else the first status that neither pauses nor ends it
 * after "new" — the customer's answer is work again; otherwise nothing (null).
 */
export async function statusAfterReply(db: Db, tenantId: string, ticketId: string): Promise<string | null> {
	const rows = await db.query<{ id: string; pausesSla: boolean; done: boolean; current: boolean }>(
		`WITH own AS (SELECT id, pauses_sla, done, rank FROM ticket_statuses WHERE tenant_id = $1 AND deleted_at IS NULL),
		 defaults AS (SELECT d.id, d."pausesSla" AS pauses_sla, d.done, d.rank FROM jsonb_to_recordset($3::jsonb) AS d(id text, "pausesSla" boolean, done boolean, rank text)),
		 statuses AS (SELECT * FROM own UNION ALL SELECT * FROM defaults WHERE NOT EXISTS (SELECT 1 FROM own))
		 SELECT s.id, s.pauses_sla AS "pausesSla", s.done, s.id = t.status AS current
		 FROM statuses s JOIN tickets t ON t.tenant_id = $1 AND t.id = $2 ORDER BY s.rank NULLS LAST, s.id`,
		[tenantId, ticketId, JSON.stringify(DEFAULT_STATUS_RECORDS.map((status, i) => ({ ...status, rank: String(i).padStart(4, '0') })))]
	);
	const current = rows.find((s) => s.current);
	if (!current || !(current.pausesSla || current.done)) return null;
	const working = rows.filter((s) => !s.pausesSla && !s.done && s.id !== 'new');
	return (working.find((s) => s.id === 'in-progress') ?? working[0])?.id ?? null;
}
