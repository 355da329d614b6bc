import type { Db } from '../db/index.js';
import type { BillableEntry } from '#lib/domain/billing/labour-lines.js';
import type { BillableExpense, BillingAgreement, CompletedMilestone, ResoldProduct } from '#lib/domain/billing/draft.js';
import type { Period } from '#lib/domain/billing/recurring.js';
import type { ProgramRecord, RoleRecord, ServicePlanRecord, TaxRateRecord } from '#lib/domain/catalog/billing-schema.js';
import type { PlanAssociationRecord } from '#lib/domain/contracts/billing-schema.js';
import { dayText } from './sql-dates.js';

/**
 * What a billing run reads: the projected customers, agreements, plans and
 * catalog, the approved time and expenses not yet billed (weeks approved and
 * unchanged since, decision 026), and what earlier invoices already billed.
 * One query per kind, run side by side; the draft itself is pure (domain/billing).
 */

export interface BilledCustomer {
	id: string;
	name: string;
	currency: string;
	hourlyRate: number | null;
	paymentTermsDays: number | null;
	email: string | null;
	taxRegion: string | null;
	taxId: string | null;
	address: string[];
}

type OfCustomer<T> = T & { customerId: string };
/** the approved week time or an expense is billed from, and when it was approved (seconds since 1970) */
export type FromWeek = { userId: string; week: string; decided: number };

export interface BillingInputs {
	customers: BilledCustomer[];
	agreements: OfCustomer<BillingAgreement>[];
	associations: PlanAssociationRecord[];
	devices: { customerId: string; workstations: number; servers: number; mobiles: number; users: number }[];
	entries: (OfCustomer<BillableEntry> & FromWeek)[];
	expenses: (OfCustomer<BillableExpense> & FromWeek)[];
	milestones: OfCustomer<CompletedMilestone>[];
	deployments: OfCustomer<ResoldProduct>[];
	plans: ServicePlanRecord[];
	programs: ProgramRecord[];
	roles: RoleRecord[];
	taxRates: TaxRateRecord[];
	overrides: { contractId: string; role: string; ratePerHour: number }[];
	billedKeys: string[];
	/** minutes drawn from blocks by posted invoices, per contract and day */
	drawn: { contractId: string; date: string; minutes: number }[];
}

// the customer a time entry or expense bills: its own, else its ticket's, else its project's (directly or through its task)
const CUSTOMER_OF_WORK = (taskId: string) => `
	LEFT JOIN tickets t ON t.tenant_id = e.tenant_id AND t.id = e.ticket_id
	LEFT JOIN tasks k ON k.tenant_id = e.tenant_id AND k.id = ${taskId}
	LEFT JOIN projects p ON p.tenant_id = e.tenant_id AND p.id = coalesce(e.project_id, k.project_id)`;

const FROM_WEEK = `e.user_id AS "userId", e.week, extract(epoch FROM w.decided_at)::float8 AS decided`;
const APPROVED_WEEK = (alias: string) => `JOIN week_approvals w ON w.tenant_id = ${alias}.tenant_id AND w.user_id = ${alias}.user_id AND w.week = ${alias}.week
	AND w.status = 'approved' AND NOT w.changed_after_approval`;

const NOT_BILLED = (alias: string, kind: string) => `NOT EXISTS (SELECT 1 FROM billed_sources b WHERE b.tenant_id = ${alias}.tenant_id AND b.source_kind = '${kind}' AND b.source_id = ${alias}.id)`;

function customers(db: Db, tenantId: string): Promise<BilledCustomer[]> {
	return db.query(
		`SELECT c.id, c.name, coalesce(c.currency, tn.currency) AS currency, c.hourly_rate AS "hourlyRate", c.payment_terms_days AS "paymentTermsDays",
		 c.email, c.tax_region AS "taxRegion", c.tax_id AS "taxId",
		 coalesce(array_remove(ARRAY[s.address1, s.address2, concat_ws(' ', s.city, s.region, s.postal_code), s.country], ''), '{}') AS address
		 FROM customers c JOIN tenants tn ON tn.id = c.tenant_id
		 LEFT JOIN LATERAL (SELECT * FROM sites s WHERE s.tenant_id = c.tenant_id AND s.doc_name = c.doc_name AND s.deleted_at IS NULL ORDER BY s.name, s.id LIMIT 1) s ON true
		 WHERE c.tenant_id = $1 AND c.deleted_at IS NULL ORDER BY c.name, c.id`,
		[tenantId]
	);
}

function agreements(db: Db, tenantId: string): Promise<OfCustomer<BillingAgreement>[]> {
	return db.query(
		`SELECT id, customer_id AS "customerId", name, type, ${dayText('start_date')} AS start, ${dayText('ends_on')} AS "endsOn", period,
		 block_minutes AS "blockMinutes", ${dayText('block_expires_on')} AS "blockExpiresOn", low_balance_minutes AS "lowBalanceMinutes",
		 overage_rate AS "overageRate", increment_minutes AS "incrementMinutes", minimum_minutes AS "minimumMinutes",
		 after_hours_basis_points AS "afterHoursBasisPoints", amount_per_period AS "amountPerPeriod", block_price AS "blockPrice",
		 due_days AS "dueDays", bill_to_email AS "billToEmail", program_id AS "programId"
		 FROM customer_contracts WHERE tenant_id = $1 AND party = 'msp' AND deleted_at IS NULL`,
		[tenantId]
	);
}

function associations(db: Db, tenantId: string): Promise<PlanAssociationRecord[]> {
	return db.query(
		`SELECT id, customer_id AS "customerId", plan_id AS "planId", contract_id AS "contractId", cycle, due_days AS "dueDays",
		 bill_to_email AS "billToEmail", ${dayText('start_date')} AS start, ${dayText('end_date')} AS "end", workstations, servers, mobiles, users,
		 price_override AS "priceOverride", deleted_at AS "deletedAt"
		 FROM plan_associations WHERE tenant_id = $1 AND deleted_at IS NULL`,
		[tenantId]
	);
}

// devices by type and contacts as users: what a plan counts when no quantity is set by hand
async function devices(db: Db, tenantId: string): Promise<BillingInputs['devices']> {
	const [byType, users] = await Promise.all([
		db.query<Omit<BillingInputs['devices'][number], 'users'>>(
			`SELECT customer_id AS "customerId", count(*) FILTER (WHERE type = 'workstation')::int AS workstations,
			 count(*) FILTER (WHERE type = 'server')::int AS servers, count(*) FILTER (WHERE type = 'mobile')::int AS mobiles
			 FROM devices WHERE tenant_id = $1 AND deleted_at IS NULL GROUP BY customer_id`,
			[tenantId]
		),
		db.query<{ customerId: string; users: number }>(`SELECT customer_id AS "customerId", count(*)::int AS users FROM contacts WHERE tenant_id = $1 AND deleted_at IS NULL GROUP BY customer_id`, [tenantId])
	]);
	const counts = new Map<string, BillingInputs['devices'][number]>();
	const of = (customerId: string) => counts.get(customerId) ?? counts.set(customerId, { customerId, workstations: 0, servers: 0, mobiles: 0, users: 0 }).get(customerId)!;
	for (const row of byType) Object.assign(of(row.customerId), row);
	for (const row of users) of(row.customerId).users = row.users;
	return [...counts.values()];
}

/** Billable time in approved weeks up to the period's end, not billed yet (earlier time approved late included). */
function entries(db: Db, tenantId: string, period: Period): Promise<BillingInputs['entries']> {
	return db.query(
		`SELECT * FROM (SELECT e.id, ${dayText('e.date')} AS date, e.start_minute AS "startMinute", e.minutes, e.work_role AS "workRole",
		 p.contract_id AS "projectContractId", coalesce(e.customer_id, t.customer_id, p.customer_id) AS "customerId",
		 coalesce(CASE WHEN t.id IS NOT NULL THEN concat_ws(' ', 'T-' || t.number, t.title) END, k.title, left(e.notes, 200)) AS label, ${FROM_WEEK}
		 FROM time_entries e ${APPROVED_WEEK('e')} ${CUSTOMER_OF_WORK('e.task_id')}
		 WHERE e.tenant_id = $1 AND e.date <= $2::date AND e.deleted_at IS NULL AND e.billable AND ${NOT_BILLED('e', 'time-entry')}) x
		 WHERE "customerId" IS NOT NULL`,
		[tenantId, period.end]
	);
}

function expenses(db: Db, tenantId: string, period: Period): Promise<BillingInputs['expenses']> {
	return db.query(
		`SELECT * FROM (SELECT e.id, ${dayText('e.date')} AS date, e.category, e.amount, e.markup_basis_points AS "markupBasisPoints", e.notes, ${FROM_WEEK},
		 coalesce(e.customer_id, t.customer_id, p.customer_id) AS "customerId"
		 FROM expenses e ${APPROVED_WEEK('e')} ${CUSTOMER_OF_WORK('NULL')}
		 WHERE e.tenant_id = $1 AND e.date <= $2::date AND e.deleted_at IS NULL AND e.billable AND ${NOT_BILLED('e', 'expense')}) x
		 WHERE "customerId" IS NOT NULL`,
		[tenantId, period.end]
	);
}

// a fixed-price project's milestones with a price, completed by the period's end and not billed yet
function milestones(db: Db, tenantId: string, period: Period): Promise<OfCustomer<CompletedMilestone>[]> {
	return db.query(
		`SELECT m.id, p.contract_id AS "contractId", concat(p.name, ': ', m.title) AS name, m.fixed_price AS amount,
		 to_char(m.completed_at AT TIME ZONE tn.time_zone, 'YYYY-MM-DD') AS "completedOn", p.customer_id AS "customerId"
		 FROM tasks m JOIN projects p ON p.tenant_id = m.tenant_id AND p.id = m.project_id AND p.deleted_at IS NULL AND p.customer_id IS NOT NULL
		 JOIN tenants tn ON tn.id = m.tenant_id
		 WHERE m.tenant_id = $1 AND m.deleted_at IS NULL AND m.milestone AND m.fixed_price > 0 AND m.completed_at IS NOT NULL
		 AND (m.completed_at AT TIME ZONE tn.time_zone)::date <= $2::date AND ${NOT_BILLED('m', 'milestone')}`,
		[tenantId, period.end]
	);
}

function deployments(db: Db, tenantId: string): Promise<OfCustomer<ResoldProduct>[]> {
	return db.query(
		`SELECT d.id, d.customer_id AS "customerId", p.name AS "productName", d.quantity, ${dayText('d.since')} AS since,
		 p.unit_price AS "unitPrice", coalesce(p.unit_cost, 0) AS "unitCost"
		 FROM deployments d JOIN products p ON p.tenant_id = d.tenant_id AND p.id = d.product_id AND p.deleted_at IS NULL
		 WHERE d.tenant_id = $1 AND d.deleted_at IS NULL AND p.unit_price > 0 AND d.quantity > 0`,
		[tenantId]
	);
}

const catalogQuery = <T extends object>(db: Db, tenantId: string, sql: string) => db.query<T>(`${sql} WHERE tenant_id = $1 AND deleted_at IS NULL`, [tenantId]);

const PLAN_COLUMNS = ['workstation', 'server', 'mobile', 'user', 'flat'].map((u) => `${u}_price AS "${u}Price", ${u}_cost AS "${u}Cost"`).join(', ');

// cycles, blocks and milestones billed: a cycle's key ends in its start day, so a year back is all a run can meet again
function billedKeys(db: Db, tenantId: string, period: Period): Promise<{ key: string }[]> {
	return db.query(
		`SELECT source_id AS key FROM billed_sources WHERE tenant_id = $1 AND (
		   (source_kind IN ('plan', 'contract', 'deployment') AND right(source_id, 10) >= to_char($2::date - 400, 'YYYY-MM-DD'))
		   OR source_id LIKE 'block:%')`,
		[tenantId, period.start]
	);
}

function drawn(db: Db, tenantId: string): Promise<BillingInputs['drawn']> {
	return db.query(
		`SELECT l.contract_id AS "contractId", ${dayText('l.service_date')} AS date, sum(l.minutes)::int AS minutes
		 FROM invoice_lines l JOIN invoices i ON i.tenant_id = l.tenant_id AND i.id = l.invoice_id AND i.status <> 'void'
		 WHERE l.tenant_id = $1 AND l.kind = 'block' AND l.source_kind = 'time-entry' GROUP BY 1, 2`,
		[tenantId]
	);
}

export async function loadBillingInputs(db: Db, tenantId: string, period: Period): Promise<BillingInputs> {
	const [c, a, pa, dv, en, ex, ms, dp, plans, programs, roles, taxRates, overrides, billed, dr] = await Promise.all([
		customers(db, tenantId),
		agreements(db, tenantId),
		associations(db, tenantId),
		devices(db, tenantId),
		entries(db, tenantId, period),
		expenses(db, tenantId, period),
		milestones(db, tenantId, period),
		deployments(db, tenantId),
		catalogQuery<ServicePlanRecord>(db, tenantId, `SELECT id, name, basis, ${PLAN_COLUMNS}, includes, taxable, deleted_at AS "deletedAt" FROM service_plans`),
		catalogQuery<ProgramRecord>(db, tenantId, `SELECT id, name, plan_ids AS "planIds", covered_work AS "coveredWork", rate_basis_points AS "rateBasisPoints", description, deleted_at AS "deletedAt" FROM programs`),
		catalogQuery<RoleRecord>(db, tenantId, `SELECT id, name, rate_per_hour AS "ratePerHour", cost_per_hour AS "costPerHour", deleted_at AS "deletedAt" FROM roles`),
		catalogQuery<TaxRateRecord>(db, tenantId, `SELECT id, name, basis_points AS "basisPoints", region, deleted_at AS "deletedAt" FROM tax_rates`),
		catalogQuery<BillingInputs['overrides'][number]>(db, tenantId, `SELECT contract_id AS "contractId", role, rate_per_hour AS "ratePerHour" FROM rate_overrides`),
		billedKeys(db, tenantId, period),
		drawn(db, tenantId)
	]);
	return { customers: c, agreements: a, associations: pa, devices: dv, entries: en, expenses: ex, milestones: ms, deployments: dp, plans, programs, roles, taxRates, overrides: overrides.filter((o) => o.ratePerHour !== null), billedKeys: billed.map((b) => b.key), drawn: dr };
}
