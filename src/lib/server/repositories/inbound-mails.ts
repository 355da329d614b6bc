import { one, type Db } from '../db/index.js';

/**
 * Mails taken in (migration 013), by Message-ID: the same mail delivered twice
 * finds the ticket it made, and a reply finds its ticket by the mails it refers to.
 */

export interface MailRecord {
	tenantId: string;
	messageId: string;
	ticketId: string;
	noteId: string | null;
	sender: string;
	subject: string;
}

export function findMail(db: Db, tenantId: string, messageId: string): Promise<{ ticketId: string; noteId: string | null } | undefined> {
	return one(db, `SELECT ticket_id AS "ticketId", note_id AS "noteId" FROM inbound_mails WHERE tenant_id = $1 AND message_id = $2`, [tenantId, messageId]);
}

/** Records a mail in the transaction that writes its ticket; false when it was already taken in. */
export async function recordMail(tx: Db, mail: MailRecord): Promise<boolean> {
	const rows = await tx.query(
		`INSERT INTO inbound_mails (tenant_id, message_id, ticket_id, note_id, sender, subject) VALUES ($1, $2, $3, $4, $5, $6)
		 ON CONFLICT DO NOTHING RETURNING 1`,
		[mail.tenantId, mail.messageId, mail.ticketId, mail.noteId, mail.sender, mail.subject]
	);
	return rows.length === 1;
}

/** The note a reply became, once its ticket's document has it. */
export async function setMailNote(tx: Db, tenantId: string, messageId: string, noteId: string): Promise<void> {
	await tx.query(`UPDATE inbound_mails SET note_id = $3 WHERE tenant_id = $1 AND message_id = $2`, [tenantId, messageId, noteId]);
}

/** The live ticket with this number (its number as the server assigned it). */
export function ticketByNumber(db: Db, tenantId: string, number: number): Promise<{ ticketId: string } | undefined> {
	return one(
		db,
		`SELECT n.ticket_id AS "ticketId" FROM ticket_numbers n
		 WHERE n.tenant_id = $1 AND n.number = $2
		   AND NOT EXISTS (SELECT 1 FROM tickets t WHERE t.tenant_id = n.tenant_id AND t.id = n.ticket_id AND t.deleted_at IS NOT NULL)`,
		[tenantId, number]
	);
}

/** The ticket of the latest of these mails that we took in (a reply's In-Reply-To and References). */
export function ticketByMessages(db: Db, tenantId: string, messageIds: string[]): Promise<{ ticketId: string } | undefined> {
	if (messageIds.length === 0) return Promise.resolve(undefined);
	return one(
		db,
		`SELECT m.ticket_id AS "ticketId" FROM inbound_mails m
		 WHERE m.tenant_id = $1 AND m.message_id = ANY($2::text[])
		   AND NOT EXISTS (SELECT 1 FROM tickets t WHERE t.tenant_id = m.tenant_id AND t.id = m.ticket_id AND t.deleted_at IS NOT NULL)
		 ORDER BY m.received_at DESC LIMIT 1`,
		[tenantId, messageIds]
	);
}

/** Whether this address already wrote to the ticket by mail (its own ticket, from before). */
export async function wroteTo(db: Db, tenantId: string, ticketId: string, sender: string): Promise<boolean> {
	return !!(await one(db, `SELECT 1 FROM inbound_mails WHERE tenant_id = $1 AND ticket_id = $2 AND lower(sender) = $3 LIMIT 1`, [tenantId, ticketId, sender]));
}
