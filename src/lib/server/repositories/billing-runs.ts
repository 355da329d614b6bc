import { one, type Db } from '../db/index.js';
import type { DraftInvoice } from '#lib/domain/billing/draft.js';
import type { BlockBalance } from '#lib/domain/billing/labour-lines.js';
import type { DraftLine } from '#lib/domain/billing/recurring.js';
import { copyRowsChunks, copyRowsCsv } from './copy-csv.js';
import { dayText } from './sql-dates.js';

/**
 * Billing runs and their drafts: a run per period, its draft invoices (one
 * per customer) and their lines, replaced whole by each re-draft, adjusted
 * line by line with a reason until the run is posted.
 */

export interface BillingRun {
	id: string;
	periodStart: string;
	periodEnd: string;
	issuedOn: string;
	status: 'draft' | 'posted';
	createdAt: string;
	draftedAt: string | null;
	postedAt: string | null;
	notes: {
		problems?: string[];
		balances?: (BlockBalance & { customerId: string })[];
		/** the approved weeks the draft billed time of, as approved then (seconds since 1970): posting checks none has changed since */
		weeks?: { userId: string; week: string; decided: number }[];
	};
	customers: number;
	lines: number;
	subtotal: number;
}

export interface StoredDraftLine extends DraftLine {
	lineNo: number;
	customerId: string;
	draftedAmount: number | null;
	adjustReason: string | null;
}

const RUN_COLUMNS = `r.id, ${dayText('r.period_start')} AS "periodStart", ${dayText('r.period_end')} AS "periodEnd", ${dayText('r.issued_on')} AS "issuedOn",
	r.status, r.created_at AS "createdAt", r.drafted_at AS "draftedAt", r.posted_at AS "postedAt", r.draft_notes AS notes`;
// a posted run's figures are its invoices'; a draft's are its lines'
const RUN_FROM = `FROM billing_runs r
	LEFT JOIN LATERAL (SELECT count(DISTINCT d.customer_id)::int AS customers, count(*)::int AS lines, coalesce(sum(d.amount), 0)::float8 AS subtotal
		FROM draft_lines d WHERE d.tenant_id = r.tenant_id AND d.run_id = r.id) dl ON r.status = 'draft'
	LEFT JOIN LATERAL (SELECT count(DISTINCT i.id)::int AS customers, count(*)::int AS lines, coalesce(sum(l.amount), 0)::float8 AS subtotal
		FROM invoices i JOIN invoice_lines l ON l.tenant_id = i.tenant_id AND l.invoice_id = i.id WHERE i.tenant_id = r.tenant_id AND i.run_id = r.id) iv ON r.status = 'posted'`;
const RUN_SELECT = `SELECT ${RUN_COLUMNS}, coalesce(dl.customers, iv.customers, 0) AS customers, coalesce(dl.lines, iv.lines, 0) AS lines,
	coalesce(dl.subtotal, iv.subtotal, 0) AS subtotal ${RUN_FROM}`;

const iso = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());
const runOf = (run: BillingRun): BillingRun => ({ ...run, createdAt: iso(run.createdAt)!, draftedAt: iso(run.draftedAt), postedAt: iso(run.postedAt) });

export async function insertRun(db: Db, tenantId: string, run: { id: string; periodStart: string; periodEnd: string; issuedOn: string; createdBy: string }): Promise<void> {
	await db.query(`INSERT INTO billing_runs (tenant_id, id, period_start, period_end, issued_on, status, created_by) VALUES ($1, $2, $3, $4, $5, 'draft', $6)`, [
		tenantId, run.id, run.periodStart, run.periodEnd, run.issuedOn, run.createdBy
	]);
}

/** A run with its figures; without them (`totals: false`) it costs no pass over its lines. */
export async function getRun(db: Db, tenantId: string, runId: string, { totals = true } = {}): Promise<BillingRun | undefined> {
	const select = totals ? RUN_SELECT : `SELECT ${RUN_COLUMNS}, 0 AS customers, 0 AS lines, 0 AS subtotal FROM billing_runs r`;
	const row = await one<BillingRun>(db, `${select} WHERE r.tenant_id = $1 AND r.id = $2`, [tenantId, runId]);
	return row && runOf(row);
}

/** Holds the run's row to the end of the transaction: one posting (or re-draft) of a run at a time. */
export async function lockRun(tx: Db, tenantId: string, runId: string): Promise<Pick<BillingRun, 'status' | 'periodStart' | 'periodEnd' | 'issuedOn' | 'notes'> | undefined> {
	return one(tx, `SELECT status, ${dayText('period_start')} AS "periodStart", ${dayText('period_end')} AS "periodEnd", ${dayText('issued_on')} AS "issuedOn", draft_notes AS notes FROM billing_runs WHERE tenant_id = $1 AND id = $2 FOR UPDATE`, [tenantId, runId]);
}

export async function listRuns(db: Db, tenantId: string): Promise<BillingRun[]> {
	const rows = await db.query<BillingRun>(`${RUN_SELECT} WHERE r.tenant_id = $1 ORDER BY r.period_start DESC, r.created_at DESC LIMIT 200`, [tenantId]);
	return rows.map(runOf);
}

export async function deleteRun(db: Db, tenantId: string, runId: string): Promise<void> {
	await db.transaction(async (tx) => {
		await purgeDraftLines(tx, tenantId, runId);
		await tx.query(`DELETE FROM billing_runs WHERE tenant_id = $1 AND id = $2 AND status = 'draft'`, [tenantId, runId]);
	});
}

/** A run's draft lines (they keep no foreign key: migration 023). */
export async function purgeDraftLines(db: Db, tenantId: string, runId: string): Promise<void> {
	await db.query(`DELETE FROM draft_lines WHERE tenant_id = $1 AND run_id = $2`, [tenantId, runId]);
}

/** A deleted tenant's billing rows that keep no foreign key to it. */
export async function deleteTenantBilling(db: Db, tenantId: string): Promise<void> {
	for (const table of ['draft_lines', 'invoice_lines', 'billed_sources']) await db.query(`DELETE FROM ${table} WHERE tenant_id = $1`, [tenantId]);
}

export interface DraftHeader {
	/** the id the posted invoice will have */
	invoiceId: string;
	customerId: string;
	customerName: string;
	currency: string;
	dueDays: number;
	billTo: { name: string; email: string | null; address: string[]; taxId: string | null };
}

const DRAFT_LINE_COLUMNS = ['tenant_id', 'run_id', 'line_no', 'customer_id', 'invoice_id', 'position', 'contract_id', 'kind', 'source_kind', 'source_id', 'description', 'service_date', 'quantity', 'unit_price', 'amount', 'taxable', 'tax_basis_points', 'minutes', 'cost', 'drafted_amount', 'adjust_reason'];

/** The draft lines as COPY rows, made one at a time as the COPY takes them; numbered through the run, and per invoice. */
function* draftLineRows(tenantId: string, runId: string, headers: DraftHeader[], invoices: DraftInvoice[]): Generator<unknown[]> {
	const invoiceIds = new Map(headers.map((h) => [h.customerId, h.invoiceId]));
	let lineNo = 0;
	for (const invoice of invoices) {
		const invoiceId = invoiceIds.get(invoice.customerId);
		let position = 0;
		for (const l of invoice.lines) {
			const adjusted = l as Partial<StoredDraftLine>;
			yield [tenantId, runId, ++lineNo, invoice.customerId, invoiceId, ++position, l.contractId, l.kind, l.sourceKind, l.sourceId, l.description, l.serviceDate, l.quantity, l.unitPrice, l.amount, l.taxable, l.taxBasisPoints, l.minutes, l.cost, adjusted.draftedAmount ?? null, adjusted.adjustReason ?? null];
		}
	}
}

/** The run's drafts, replaced whole: lines numbered in order, COPY-loaded (a run can hold 100,000 of them). */
export async function replaceDrafts(tx: Db, tenantId: string, runId: string, headers: DraftHeader[], invoices: DraftInvoice[], notes: BillingRun['notes']): Promise<void> {
	await purgeDraftLines(tx, tenantId, runId);
	await tx.query(`DELETE FROM draft_invoices WHERE tenant_id = $1 AND run_id = $2`, [tenantId, runId]);
	if (headers.length > 0) {
		await tx.copyCsv('draft_invoices', ['tenant_id', 'run_id', 'customer_id', 'invoice_id', 'customer_name', 'currency', 'due_days', 'bill_to'], copyRowsCsv(headers.map((h) => [tenantId, runId, h.customerId, h.invoiceId, h.customerName, h.currency, h.dueDays, JSON.stringify(h.billTo)])));
	}
	if (invoices.some((i) => i.lines.length > 0)) await tx.copyCsv('draft_lines', DRAFT_LINE_COLUMNS, copyRowsChunks(draftLineRows(tenantId, runId, headers, invoices)));
	await tx.query(`UPDATE billing_runs SET drafted_at = now(), draft_notes = $3 WHERE tenant_id = $1 AND id = $2`, [tenantId, runId, JSON.stringify(notes)]);
}

const LINE_COLUMNS = `line_no AS "lineNo", customer_id AS "customerId", contract_id AS "contractId", kind, source_kind AS "sourceKind", source_id AS "sourceId",
	description, ${dayText('service_date')} AS "serviceDate", quantity::float8 AS quantity, unit_price AS "unitPrice", amount, taxable,
	tax_basis_points AS "taxBasisPoints", minutes, cost, drafted_amount AS "draftedAmount", adjust_reason AS "adjustReason"`;

export function draftLines(db: Db, tenantId: string, runId: string, customerId?: string): Promise<StoredDraftLine[]> {
	return db.query(`SELECT ${LINE_COLUMNS} FROM draft_lines WHERE tenant_id = $1 AND run_id = $2 ${customerId ? 'AND customer_id = $3' : ''} ORDER BY line_no`, customerId ? [tenantId, runId, customerId] : [tenantId, runId]);
}

/** Lines someone adjusted, to carry into a re-draft. */
export function adjustedLines(db: Db, tenantId: string, runId: string): Promise<StoredDraftLine[]> {
	return db.query(`SELECT ${LINE_COLUMNS} FROM draft_lines WHERE tenant_id = $1 AND run_id = $2 AND adjust_reason IS NOT NULL`, [tenantId, runId]);
}

export interface DraftCustomer extends DraftHeader {
	lines: number;
	subtotal: number;
	adjusted: number;
	/** per tax rate: the taxable sum, to work the tax out by the rule */
	taxable: { basisPoints: number; amount: number }[];
}

// one pass over the run's lines per figure (a run holds 100,000): sums per customer, and taxable sums per customer and rate;
// MATERIALIZED, so a plan made before the fresh lines have statistics cannot run the sums once per customer
export async function draftCustomers(db: Db, tenantId: string, runId: string): Promise<DraftCustomer[]> {
	const rows = await db.query<Omit<DraftCustomer, 'taxable'> & { taxable: { basisPoints: number; amount: number }[] | null }>(
		`WITH sums AS MATERIALIZED (SELECT customer_id, count(*)::int AS lines, sum(amount)::float8 AS subtotal, count(adjust_reason)::int AS adjusted
		   FROM draft_lines WHERE tenant_id = $1 AND run_id = $2 GROUP BY customer_id),
		 taxed AS MATERIALIZED (SELECT customer_id, jsonb_agg(jsonb_build_object('basisPoints', bp, 'amount', amount)) AS taxable
		   FROM (SELECT customer_id, tax_basis_points AS bp, sum(amount)::float8 AS amount FROM draft_lines
		         WHERE tenant_id = $1 AND run_id = $2 AND taxable GROUP BY 1, 2) x GROUP BY customer_id)
		 SELECT h.invoice_id AS "invoiceId", h.customer_id AS "customerId", h.customer_name AS "customerName", h.currency, h.due_days AS "dueDays", h.bill_to AS "billTo",
		 s.lines, s.subtotal, s.adjusted, t.taxable
		 FROM draft_invoices h JOIN sums s ON s.customer_id = h.customer_id LEFT JOIN taxed t ON t.customer_id = h.customer_id
		 WHERE h.tenant_id = $1 AND h.run_id = $2 ORDER BY h.customer_name, h.customer_id`,
		[tenantId, runId]
	);
	return rows.map((r) => ({ ...r, taxable: r.taxable ?? [] }));
}

/** Changes a draft line's quantity, price and amount, keeping what the run worked out and why it changed. */
export async function adjustDraftLine(tx: Db, tenantId: string, runId: string, lineNo: number, change: { quantity: number; unitPrice: number; amount: number; reason: string }): Promise<StoredDraftLine | undefined> {
	return one<StoredDraftLine>(
		tx,
		`UPDATE draft_lines SET quantity = $4, unit_price = $5, amount = $6, adjust_reason = $7, drafted_amount = coalesce(drafted_amount, amount)
		 WHERE tenant_id = $1 AND run_id = $2 AND line_no = $3 RETURNING ${LINE_COLUMNS}`,
		[tenantId, runId, lineNo, change.quantity, change.unitPrice, change.amount, change.reason]
	);
}
