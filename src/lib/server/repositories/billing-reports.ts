import type { BilledLines, ChangedWeek, FixedPriceTime, OpenInvoice, UnassignedTime } from '#lib/domain/billing/reports.js';
import type { Db } from '../db/index.js';
import { dayText } from './sql-dates.js';

/**
 * What the billing reports read: posted lines summed by month, customer,
 * agreement and kind; time on fixed-price projects; open invoices; billable
 * time no customer can be billed for; weeks changed after approval. Sums are
 * Postgres's, the arithmetic on top is `#lib/domain/billing/reports`. Every
 * query names the tenant.
 */

/**
 * Lines of invoices and credit notes issued in `from`–`to`, void ones left out
 * (a credit note of a void invoice too). A credit note's line names no
 * agreement of its own: it takes the one of the line it credits, which its
 * source id names (`INV-2026-00001:3`, issueCreditNote).
 */
export function billedLines(db: Db, tenantId: string, from: string, to: string): Promise<BilledLines[]> {
	return db.query(
		`SELECT i.currency, to_char(i.issued_on, 'YYYY-MM') AS month, i.customer_id AS "customerId", coalesce(c.name, i.customer_name) AS "customerName",
		 coalesce(l.contract_id, ol.contract_id) AS "contractId", cc.name AS "contractName", cc.type AS "contractType", l.kind,
		 coalesce(sum(l.amount) FILTER (WHERE i.credit_of IS NULL), 0)::bigint AS invoiced,
		 coalesce(-sum(l.amount) FILTER (WHERE i.credit_of IS NOT NULL), 0)::bigint AS credited,
		 coalesce(sum(l.cost), 0)::bigint AS cost
		 FROM invoices i
		 JOIN invoice_lines l ON l.tenant_id = i.tenant_id AND l.invoice_id = i.id
		 LEFT JOIN invoices oi ON oi.tenant_id = i.tenant_id AND oi.id = i.credit_of
		 LEFT JOIN invoice_lines ol ON ol.tenant_id = oi.tenant_id AND ol.invoice_id = oi.id AND l.source_kind = 'credit' AND l.source_id = oi.number || ':' || ol.line_no
		 LEFT JOIN customer_contracts cc ON cc.tenant_id = i.tenant_id AND cc.id = coalesce(l.contract_id, ol.contract_id)
		 LEFT JOIN customers c ON c.tenant_id = i.tenant_id AND c.id = i.customer_id
		 WHERE i.tenant_id = $1 AND i.issued_on BETWEEN $2::date AND $3::date AND i.status <> 'void' AND (oi.id IS NULL OR oi.status <> 'void')
		 GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`,
		[tenantId, from, to]
	);
}

/**
 * Time dated in `from`–`to` on projects of fixed-price agreements and never
 * billed (the draft bills none of it while the agreement is in force): grouped
 * by agreement, entry length and the cost rate of the entry's role (by name,
 * as the draft matches it), so each entry's cost can be rounded on its own.
 */
export function fixedPriceTime(db: Db, tenantId: string, from: string, to: string): Promise<FixedPriceTime[]> {
	return db.query(
		`SELECT cc.customer_id AS "customerId", coalesce(c.name, cc.customer_id) AS "customerName", cc.id AS "contractId", cc.name AS "contractName",
		 e.minutes, count(*)::int AS entries, r.cost_per_hour AS "costPerHour"
		 FROM time_entries e
		 LEFT JOIN tasks k ON k.tenant_id = e.tenant_id AND k.id = e.task_id
		 JOIN projects p ON p.tenant_id = e.tenant_id AND p.id = coalesce(e.project_id, k.project_id)
		 JOIN customer_contracts cc ON cc.tenant_id = p.tenant_id AND cc.id = p.contract_id AND cc.party = 'msp' AND cc.type = 'fixed-price'
		 LEFT JOIN customers c ON c.tenant_id = cc.tenant_id AND c.id = cc.customer_id
		 LEFT JOIN LATERAL (SELECT cost_per_hour FROM roles r WHERE r.tenant_id = e.tenant_id AND r.deleted_at IS NULL AND lower(r.name) = lower(e.work_role) ORDER BY r.id LIMIT 1) r ON true
		 WHERE e.tenant_id = $1 AND e.deleted_at IS NULL AND e.date BETWEEN $2::date AND $3::date
		 AND NOT EXISTS (SELECT 1 FROM billed_sources b WHERE b.tenant_id = e.tenant_id AND b.source_kind = 'time-entry' AND b.source_id = e.id)
		 GROUP BY 1, 2, 3, 4, 5, 7`,
		[tenantId, from, to]
	);
}

/** Posted and sent invoices (not credit notes) with something still owed. */
export function openInvoices(db: Db, tenantId: string): Promise<OpenInvoice[]> {
	return db.query(
		`SELECT i.id, i.number, i.currency, i.customer_id AS "customerId", coalesce(c.name, i.customer_name) AS "customerName",
		 ${dayText('i.issued_on')} AS "issuedOn", ${dayText('i.due_on')} AS "dueOn", i.total, i.paid, i.credited
		 FROM invoices i LEFT JOIN customers c ON c.tenant_id = i.tenant_id AND c.id = i.customer_id
		 WHERE i.tenant_id = $1 AND i.status IN ('posted', 'sent') AND i.credit_of IS NULL AND i.total > i.paid + i.credited
		 ORDER BY i.due_on, i.number`,
		[tenantId]
	);
}

/**
 * Billable time up to `end` in weeks approved and unchanged since, not billed,
 * whose customer is found nowhere: not on the entry, its ticket or its project
 * (directly or through its task), as billing-inputs looks for it.
 */
export async function unassignedTime(db: Db, tenantId: string, end: string): Promise<UnassignedTime> {
	const [row] = await db.query<UnassignedTime>(
		`SELECT count(*)::int AS entries, coalesce(sum(e.minutes), 0)::int AS minutes
		 FROM time_entries e
		 JOIN week_approvals w ON w.tenant_id = e.tenant_id AND w.user_id = e.user_id AND w.week = e.week AND w.status = 'approved' AND NOT w.changed_after_approval
		 LEFT JOIN tickets t ON t.tenant_id = e.tenant_id AND t.id = e.ticket_id
		 LEFT JOIN tasks k ON k.tenant_id = e.tenant_id AND k.id = e.task_id
		 LEFT JOIN projects p ON p.tenant_id = e.tenant_id AND p.id = coalesce(e.project_id, k.project_id)
		 WHERE e.tenant_id = $1 AND e.date <= $2::date AND e.deleted_at IS NULL AND e.billable
		 AND coalesce(e.customer_id, t.customer_id, p.customer_id) IS NULL
		 AND NOT EXISTS (SELECT 1 FROM billed_sources b WHERE b.tenant_id = e.tenant_id AND b.source_kind = 'time-entry' AND b.source_id = e.id)`,
		[tenantId, end]
	);
	return row;
}

/** Weeks approved and changed since, newest first, with what a posted invoice already billed of them (deleted entries too). */
export function changedWeeks(db: Db, tenantId: string): Promise<ChangedWeek[]> {
	return db.query(
		`SELECT w.user_id AS "userId", coalesce(u.name, 'Former member') AS "personName", w.week,
		 coalesce(t.minutes, 0)::int AS minutes, coalesce(t.billable, 0)::int AS "billableMinutes",
		 coalesce(b.entries, 0)::int AS "invoicedEntries", coalesce(b.invoices, '{}') AS invoices
		 FROM week_approvals w
		 LEFT JOIN users u ON u.id::text = w.user_id
		 LEFT JOIN LATERAL (SELECT sum(e.minutes) AS minutes, sum(e.minutes) FILTER (WHERE e.billable) AS billable FROM time_entries e
		   WHERE e.tenant_id = w.tenant_id AND e.user_id = w.user_id AND e.week = w.week AND e.deleted_at IS NULL) t ON true
		 LEFT JOIN LATERAL (SELECT count(DISTINCT e.id) AS entries, array_agg(DISTINCT i.number ORDER BY i.number) AS invoices
		   FROM time_entries e
		   JOIN billed_sources s ON s.tenant_id = e.tenant_id AND s.source_kind = 'time-entry' AND s.source_id = e.id
		   JOIN invoices i ON i.tenant_id = s.tenant_id AND i.id = s.invoice_id
		   WHERE e.tenant_id = w.tenant_id AND e.user_id = w.user_id AND e.week = w.week) b ON true
		 WHERE w.tenant_id = $1 AND w.status = 'approved' AND w.changed_after_approval
		 ORDER BY w.week DESC, "personName", w.user_id`,
		[tenantId]
	);
}
