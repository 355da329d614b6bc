import type { Db } from '../db/index.js';
import { dayText } from './sql-dates.js';

/** Unpaid invoices past their due date, and when each was last reminded of; a reminder is claimed before it is sent. */

export function overdueInvoices(db: Db, tenantId: string, today: string): Promise<{ id: string; dueOn: string; lastSent: string | null }[]> {
	return db.query(
		`SELECT i.id, ${dayText('i.due_on')} AS "dueOn", (SELECT ${dayText('max(r.sent_on)')} FROM invoice_reminders r WHERE r.tenant_id = i.tenant_id AND r.invoice_id = i.id) AS "lastSent"
		 FROM invoices i WHERE i.tenant_id = $1 AND i.status IN ('posted', 'sent') AND i.credit_of IS NULL AND i.due_on < $2::date AND i.total > i.paid + i.credited`,
		[tenantId, today]
	);
}

/** True for the one caller (of every node) that gets to send today's reminder of the invoice. */
export async function claimReminder(db: Db, tenantId: string, invoiceId: string, today: string): Promise<boolean> {
	const rows = await db.query(`INSERT INTO invoice_reminders (tenant_id, invoice_id, sent_on) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING invoice_id`, [tenantId, invoiceId, today]);
	return rows.length > 0;
}
