import type { Db } from '../db/index.js';
import type { PortalInvoice } from '#lib/domain/portal/billing.js';
import type { BillingCycle } from '#lib/domain/billing/proration.js';
import { dayText } from './sql-dates.js';

/**
 * What a customer's portal reads of billing, always inside `asPortalCompany`
 * (row-level security) and filtered by tenant and customer here as well: the
 * company's invoices, and its prepaid blocks with what has been drawn.
 */

export function listPortalInvoices(tx: Db, tenantId: string, customerId: string): Promise<PortalInvoice[]> {
	return tx.query(
		`SELECT i.id, i.number, ${dayText('i.issued_on')} AS "issuedOn", ${dayText('i.due_on')} AS "dueOn", i.currency, i.total, i.paid, i.credited, i.status, c.number AS "creditOf"
		 FROM invoices i LEFT JOIN invoices c ON c.tenant_id = i.tenant_id AND c.id = i.credit_of
		 WHERE i.tenant_id = $1 AND i.customer_id = $2 AND i.status <> 'void' ORDER BY i.issued_on DESC, i.number DESC LIMIT 500`,
		[tenantId, customerId]
	);
}

export interface PortalBlock {
	id: string;
	name: string;
	type: 'block-hours' | 'retainer';
	period: BillingCycle;
	blockMinutes: number;
	blockExpiresOn: string | null;
	lowBalanceMinutes: number | null;
	/** minutes drawn by posted invoices, per day of service */
	drawn: { date: string; minutes: number }[];
}

export async function portalBlocks(tx: Db, tenantId: string, customerId: string): Promise<PortalBlock[]> {
	const blocks = await tx.query<Omit<PortalBlock, 'drawn'>>(
		`SELECT id, name, type, period, block_minutes AS "blockMinutes", ${dayText('block_expires_on')} AS "blockExpiresOn", low_balance_minutes AS "lowBalanceMinutes"
		 FROM customer_contracts WHERE tenant_id = $1 AND customer_id = $2 AND party = 'msp' AND deleted_at IS NULL
		 AND type IN ('block-hours', 'retainer') AND block_minutes > 0 ORDER BY name`,
		[tenantId, customerId]
	);
	if (blocks.length === 0) return [];
	const drawn = await tx.query<{ contractId: string; date: string; minutes: number }>(
		`SELECT l.contract_id AS "contractId", ${dayText('l.service_date')} AS date, sum(l.minutes)::int AS minutes
		 FROM invoice_lines l JOIN invoices i ON i.tenant_id = l.tenant_id AND i.id = l.invoice_id AND i.customer_id = $2 AND i.status <> 'void'
		 WHERE l.tenant_id = $1 AND l.kind = 'block' AND l.contract_id = ANY($3::text[]) GROUP BY 1, 2`,
		[tenantId, customerId, blocks.map((b) => b.id)]
	);
	return blocks.map((b) => ({ ...b, drawn: drawn.filter((d) => d.contractId === b.id).map(({ date, minutes }) => ({ date, minutes })) }));
}
