import { one, type Db } from '../db/index.js';

/**
 * The writes of posting a run, all inside the caller's one transaction: check
 * the draft still holds (its time still approved and unchanged, nothing billed
 * meanwhile), take gapless numbers from a row-locked counter per year, write
 * the invoices and copy their lines from the draft, and mark every source
 * billed — the key of billed_sources refuses a second billing outright.
 */

/** Draft lines whose time or expense is no longer approved as it was (changed after approval, rejected, deleted). */
export async function staleDraftSources(tx: Db, tenantId: string, runId: string): Promise<number> {
	const row = await one<{ stale: number }>(
		tx,
		`SELECT count(DISTINCT d.source_id)::int AS stale FROM draft_lines d
		 LEFT JOIN time_entries e ON d.source_kind = 'time-entry' AND e.tenant_id = d.tenant_id AND e.id = d.source_id
		 LEFT JOIN expenses x ON d.source_kind = 'expense' AND x.tenant_id = d.tenant_id AND x.id = d.source_id
		 LEFT JOIN week_approvals w ON w.tenant_id = d.tenant_id AND w.user_id = coalesce(e.user_id, x.user_id) AND w.week = coalesce(e.week, x.week)
		 WHERE d.tenant_id = $1 AND d.run_id = $2 AND d.source_kind IN ('time-entry', 'expense')
		 AND (coalesce(e.id, x.id) IS NULL OR coalesce(e.deleted_at, x.deleted_at) IS NOT NULL OR (e.id IS NOT NULL AND NOT e.billable) OR (x.id IS NOT NULL AND NOT x.billable)
		      OR w.status IS DISTINCT FROM 'approved' OR w.changed_after_approval)`,
		[tenantId, runId]
	);
	return row!.stale;
}

/** Invoices that billed some of this draft's sources since it was made. */
export async function billedMeanwhile(tx: Db, tenantId: string, runId: string): Promise<string[]> {
	const rows = await tx.query<{ number: string }>(
		`SELECT DISTINCT i.number FROM draft_lines d
		 JOIN billed_sources b ON b.tenant_id = d.tenant_id AND b.source_kind = d.source_kind AND b.source_id = d.source_id
		 JOIN invoices i ON i.tenant_id = b.tenant_id AND i.id = b.invoice_id
		 WHERE d.tenant_id = $1 AND d.run_id = $2 ORDER BY i.number LIMIT 5`,
		[tenantId, runId]
	);
	return rows.map((r) => r.number);
}

/**
 * Takes `count` numbers of the series (`invoice:2026`): the row stays locked
 * to the commit, so two nodes posting at once take turns, and a rollback
 * gives its numbers back. Returns the first.
 */
export async function takeNumbers(tx: Db, tenantId: string, series: string, count: number): Promise<number> {
	await tx.query(`INSERT INTO counters (tenant_id, name, value) VALUES ($1, $2, 0) ON CONFLICT (tenant_id, name) DO NOTHING`, [tenantId, series]);
	const row = await one<{ value: number }>(tx, `SELECT value FROM counters WHERE tenant_id = $1 AND name = $2 FOR UPDATE`, [tenantId, series]);
	await tx.query(`UPDATE counters SET value = value + $3 WHERE tenant_id = $1 AND name = $2`, [tenantId, series, count]);
	return row!.value + 1;
}

export interface InvoiceHeader {
	id: string;
	number: string;
	runId: string | null;
	customerId: string;
	customerName: string;
	billTo: unknown;
	issuedOn: string;
	dueOn: string;
	periodStart: string;
	periodEnd: string;
	currency: string;
	terms: string;
	creditOf: string | null;
	subtotal: number;
	tax: number;
	total: number;
	taxByRate: unknown;
	postedBy: string;
}

export async function insertInvoices(tx: Db, tenantId: string, invoices: InvoiceHeader[]): Promise<void> {
	await tx.query(
		`INSERT INTO invoices (tenant_id, id, number, run_id, customer_id, customer_name, bill_to, issued_on, due_on, period_start, period_end,
		   currency, terms, credit_of, subtotal, tax, total, tax_by_rate, status, posted_by)
		 SELECT $1, i.id, i.number, i."runId", i."customerId", i."customerName", i."billTo", i."issuedOn", i."dueOn", i."periodStart", i."periodEnd",
		   i.currency, i.terms, i."creditOf", i.subtotal, i.tax, i.total, i."taxByRate", 'posted', i."postedBy"
		 FROM jsonb_to_recordset($2::jsonb) AS i(id uuid, number text, "runId" uuid, "customerId" text, "customerName" text, "billTo" jsonb,
		   "issuedOn" date, "dueOn" date, "periodStart" date, "periodEnd" date, currency text, terms text, "creditOf" uuid,
		   subtotal bigint, tax bigint, total bigint, "taxByRate" jsonb, "postedBy" uuid)`,
		[tenantId, JSON.stringify(invoices)]
	);
}

/** The run's draft lines become its invoices' lines (numbered per invoice), and their sources billed — server-side, no round trip per line. */
export async function postDraftLines(tx: Db, tenantId: string, runId: string): Promise<void> {
	await tx.query(
		`INSERT INTO invoice_lines (tenant_id, invoice_id, line_no, contract_id, kind, source_kind, source_id, description, service_date,
		   quantity, unit_price, amount, taxable, tax_basis_points, minutes, cost)
		 SELECT d.tenant_id, i.id, row_number() OVER (PARTITION BY d.customer_id ORDER BY d.line_no), d.contract_id, d.kind, d.source_kind, d.source_id,
		   d.description, d.service_date, d.quantity, d.unit_price, d.amount, d.taxable, d.tax_basis_points, d.minutes, d.cost
		 FROM draft_lines d JOIN invoices i ON i.tenant_id = d.tenant_id AND i.run_id = d.run_id AND i.customer_id = d.customer_id
		 WHERE d.tenant_id = $1 AND d.run_id = $2`,
		[tenantId, runId]
	);
	await tx.query(
		`INSERT INTO billed_sources (tenant_id, source_kind, source_id, invoice_id)
		 SELECT DISTINCT ON (d.source_kind, d.source_id) d.tenant_id, d.source_kind, d.source_id, i.id
		 FROM draft_lines d JOIN invoices i ON i.tenant_id = d.tenant_id AND i.run_id = d.run_id AND i.customer_id = d.customer_id
		 WHERE d.tenant_id = $1 AND d.run_id = $2`,
		[tenantId, runId]
	);
}

/** The run is posted: its drafts are now its invoices. */
export async function closeRun(tx: Db, tenantId: string, runId: string, postedBy: string): Promise<void> {
	await tx.query(`UPDATE billing_runs SET status = 'posted', posted_at = now(), posted_by = $3 WHERE tenant_id = $1 AND id = $2`, [tenantId, runId, postedBy]);
	await tx.query(`DELETE FROM draft_lines WHERE tenant_id = $1 AND run_id = $2`, [tenantId, runId]);
}

/** A credit note's lines, given whole (it has no draft). */
export async function insertInvoiceLines(tx: Db, tenantId: string, invoiceId: string, lines: { lineNo: number; contractId: string | null; kind: string; sourceKind: string; sourceId: string; description: string; serviceDate: string | null; quantity: number; unitPrice: number; amount: number; taxable: boolean; taxBasisPoints: number; minutes: number | null }[]): Promise<void> {
	await tx.query(
		`INSERT INTO invoice_lines (tenant_id, invoice_id, line_no, contract_id, kind, source_kind, source_id, description, service_date, quantity, unit_price, amount, taxable, tax_basis_points, minutes)
		 SELECT $1, $2, l."lineNo", l."contractId", l.kind, l."sourceKind", l."sourceId", l.description, l."serviceDate", l.quantity, l."unitPrice", l.amount, l.taxable, l."taxBasisPoints", l.minutes
		 FROM jsonb_to_recordset($3::jsonb) AS l("lineNo" int, "contractId" text, kind text, "sourceKind" text, "sourceId" text, description text, "serviceDate" date,
		   quantity numeric, "unitPrice" bigint, amount bigint, taxable boolean, "taxBasisPoints" int, minutes int)`,
		[tenantId, invoiceId, JSON.stringify(lines)]
	);
}
