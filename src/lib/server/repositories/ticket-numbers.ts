import { one, type Db } from '../db/index.js';

/**
 * Ticket numbers: gapless per tenant from the row-locked `ticket` counter
 * (DESIGN.md §2). The caller's transaction holds the counter's row from
 * `lockTicketCounter` to its commit, so numbers of one tenant are handed out
 * one transaction at a time, and a rollback hands back its numbers.
 */
export async function lockTicketCounter(tx: Db, tenantId: string): Promise<number> {
	await tx.query(`INSERT INTO counters (tenant_id, name, value) VALUES ($1, 'ticket', 0) ON CONFLICT (tenant_id, name) DO NOTHING`, [tenantId]);
	const row = await one<{ value: number }>(tx, `SELECT value FROM counters WHERE tenant_id = $1 AND name = 'ticket' FOR UPDATE`, [tenantId]);
	return row!.value;
}

/** Numbers already assigned to these tickets (a stamp that did not reach a document keeps its number). */
export async function assignedNumbers(tx: Db, tenantId: string, ticketIds: string[]): Promise<Map<string, number>> {
	const rows = await tx.query<{ ticketId: string; number: number }>(
		`SELECT ticket_id AS "ticketId", number FROM ticket_numbers WHERE tenant_id = $1 AND ticket_id = ANY($2::text[])`,
		[tenantId, ticketIds]
	);
	return new Map(rows.map((r) => [r.ticketId, r.number]));
}

/** Records new numbers and moves the counter to the last one. */
export async function recordNumbers(tx: Db, tenantId: string, numbers: { ticketId: string; number: number }[], counter: number): Promise<void> {
	if (numbers.length === 0) return;
	await tx.query(
		`INSERT INTO ticket_numbers (tenant_id, ticket_id, number) SELECT $1, n."ticketId", n.number FROM jsonb_to_recordset($2::jsonb) AS n("ticketId" text, number bigint)`,
		[tenantId, JSON.stringify(numbers)]
	);
	await tx.query(`UPDATE counters SET value = $2 WHERE tenant_id = $1 AND name = 'ticket'`, [tenantId, counter]);
}
