import { one, type Db } from '../db/index.js';
import type { Invoice, InvoiceLine, InvoiceStatus } from '#lib/domain/billing/invoice.js';
import type { TaxSummary } from '#lib/domain/billing/tax.js';
import type { PortalInvoice } from '#lib/domain/portal/billing.js';
import { dayText } from './sql-dates.js';

/**
 * Reading posted invoices, and what may still move on one: when it was sent,
 * what has been paid (payments), and so its status. Every query names the
 * tenant; the portal's own reads add the customer (portal.ts).
 */

const HEADER = `i.id, i.number, i.customer_id AS "customerId", i.bill_to AS "billTo", ${dayText('i.issued_on')} AS "issuedOn", ${dayText('i.due_on')} AS "dueOn",
	${dayText('i.period_start')} AS "periodStart", ${dayText('i.period_end')} AS "periodEnd", i.currency, i.terms, c.number AS "creditOf", i.status,
	i.subtotal, i.tax, i.total, i.tax_by_rate AS "taxByRate", i.paid, i.credited`;

const LINE = `l.invoice_id AS "invoiceId", l.line_no::text AS id, l.kind, l.source_kind AS "sourceKind", l.source_id AS "sourceId", l.description,
	${dayText('l.service_date')} AS "serviceDate", l.quantity::float8 AS quantity, l.unit_price AS "unitPrice", l.amount, l.taxable, l.tax_basis_points AS "taxBasisPoints"`;

type HeaderRow = Omit<Invoice, 'lines' | 'tax'> & { subtotal: number; tax: number; total: number; taxByRate: TaxSummary['byRate'] };

const invoiceOf = (row: HeaderRow, lines: InvoiceLine[]): Invoice => {
	const { subtotal, tax, total, taxByRate, ...header } = row;
	return { ...header, lines, tax: { subtotal, tax, total, byRate: taxByRate } };
};

/** Whole invoices (lines too), for the PDF, the exports and the portal: by id, or all of a run; of one customer when named. */
export async function readInvoices(db: Db, tenantId: string, where: ({ ids: string[] } | { runId: string }) & { customerId?: string }): Promise<Invoice[]> {
	const [picked, value] = 'ids' in where ? ['i.id = ANY($2::uuid[])', where.ids] : ['i.run_id = $2', where.runId];
	const filter = where.customerId ? `${picked} AND i.customer_id = $3` : picked;
	const params = where.customerId ? [tenantId, value, where.customerId] : [tenantId, value];
	const [headers, lines] = await Promise.all([
		db.query<HeaderRow>(`SELECT ${HEADER} FROM invoices i LEFT JOIN invoices c ON c.tenant_id = i.tenant_id AND c.id = i.credit_of WHERE i.tenant_id = $1 AND ${filter} ORDER BY i.number`, params),
		db.query<InvoiceLine & { invoiceId: string }>(`SELECT ${LINE} FROM invoice_lines l JOIN invoices i ON i.tenant_id = l.tenant_id AND i.id = l.invoice_id WHERE l.tenant_id = $1 AND ${filter} ORDER BY l.invoice_id, l.line_no`, params)
	]);
	const byInvoice = new Map<string, InvoiceLine[]>();
	for (const { invoiceId, ...line } of lines) (byInvoice.get(invoiceId) ?? byInvoice.set(invoiceId, []).get(invoiceId)!).push(line);
	return headers.map((h) => invoiceOf(h, byInvoice.get(h.id) ?? []));
}

export async function readInvoice(db: Db, tenantId: string, id: string): Promise<Invoice | undefined> {
	return (await readInvoices(db, tenantId, { ids: [id] }))[0];
}

/** An invoice in a list: what the portal shows of it, and whose it is. */
export interface InvoiceSummary extends PortalInvoice {
	customerId: string;
	customerName: string;
	/** due, not paid and past its due date on `today` */
	overdue: boolean;
}

export interface InvoiceFilter {
	status?: InvoiceStatus | 'overdue' | 'open';
	customerId?: string;
	runId?: string;
	today: string;
}

export function listInvoices(db: Db, tenantId: string, filter: InvoiceFilter, limit = 500): Promise<InvoiceSummary[]> {
	const where = ['i.tenant_id = $1'];
	const params: unknown[] = [tenantId, filter.today];
	const add = (sql: string, value: unknown) => where.push(sql.replace('?', `$${params.push(value)}`));
	if (filter.customerId) add('i.customer_id = ?', filter.customerId);
	if (filter.runId) add('i.run_id = ?::uuid', filter.runId);
	if (filter.status === 'overdue') where.push(`i.status IN ('posted', 'sent') AND i.due_on < $2::date AND i.total > i.paid + i.credited`);
	else if (filter.status === 'open') where.push(`i.status IN ('posted', 'sent')`);
	else if (filter.status) add('i.status = ?', filter.status);
	return db.query(
		`SELECT i.id, i.number, i.customer_id AS "customerId", i.customer_name AS "customerName", ${dayText('i.issued_on')} AS "issuedOn", ${dayText('i.due_on')} AS "dueOn",
		 i.currency, i.total, i.paid, i.credited, i.status, c.number AS "creditOf", (i.status IN ('posted', 'sent') AND i.due_on < $2::date AND i.total > i.paid + i.credited) AS overdue
		 FROM invoices i LEFT JOIN invoices c ON c.tenant_id = i.tenant_id AND c.id = i.credit_of
		 WHERE ${where.join(' AND ')} ORDER BY i.issued_on DESC, i.number DESC LIMIT ${Number(limit)}`,
		params
	);
}

export interface Payment {
	id: string;
	amount: number;
	paidOn: string;
	method: string | null;
	reference: string | null;
}

export function listPayments(db: Db, tenantId: string, invoiceId: string): Promise<Payment[]> {
	return db.query(`SELECT id, amount, ${dayText('paid_on')} AS "paidOn", method, reference FROM payments WHERE tenant_id = $1 AND invoice_id = $2 ORDER BY paid_on, recorded_at`, [tenantId, invoiceId]);
}

/** Records a payment and moves the invoice's paid sum and status (paid once nothing is left). */
export async function insertPayment(tx: Db, tenantId: string, invoiceId: string, payment: Payment & { recordedBy: string }): Promise<void> {
	await tx.query(`INSERT INTO payments (tenant_id, id, invoice_id, amount, paid_on, method, reference, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, [
		tenantId, payment.id, invoiceId, payment.amount, payment.paidOn, payment.method, payment.reference, payment.recordedBy
	]);
	await tx.query(`UPDATE invoices SET paid = paid + $3, status = CASE WHEN paid + credited + $3 >= total THEN 'paid' ELSE status END WHERE tenant_id = $1 AND id = $2`, [tenantId, invoiceId, payment.amount]);
}

/** The invoice with its row held, to decide on a payment or a credit note. */
export function lockInvoice(tx: Db, tenantId: string, invoiceId: string): Promise<{ id: string; status: InvoiceStatus; total: number; paid: number; credited: number; creditOf: string | null } | undefined> {
	return one(tx, `SELECT id, status, total, paid, credited, credit_of AS "creditOf" FROM invoices WHERE tenant_id = $1 AND id = $2 FOR UPDATE`, [tenantId, invoiceId]);
}

export async function markSent(db: Db, tenantId: string, invoiceIds: string[]): Promise<void> {
	await db.query(`UPDATE invoices SET status = 'sent', sent_at = coalesce(sent_at, now()) WHERE tenant_id = $1 AND id = ANY($2::uuid[]) AND status = 'posted'`, [tenantId, invoiceIds]);
}

/** A credit note of `amount` (positive) takes that much off what the invoice asks; settled once nothing is left. */
export async function addCredit(tx: Db, tenantId: string, invoiceId: string, amount: number): Promise<void> {
	await tx.query(`UPDATE invoices SET credited = credited + $3, status = CASE WHEN paid + credited + $3 >= total THEN 'paid' ELSE status END WHERE tenant_id = $1 AND id = $2`, [tenantId, invoiceId, amount]);
}
