import type { ProgramRecord, RoleRecord, ServicePlanRecord } from '../catalog/billing-schema.js';
import type { PlanAssociationRecord } from '../contracts/billing-schema.js';
import { labourLines, type Agreement, type BillableEntry, type BlockBalance } from './labour-lines.js';
import { agreementLines, cyclesDue, cycleLabel, planLines, planProblem, type DeviceCounts, type DraftLine, type Period } from './recurring.js';
import { proratedCharge } from './proration.js';
import { applyBasisPoints } from './rounding.js';

/**
 * A billing run's drafts: for each customer, every line the period bills —
 * plans and recurring agreements, prepaid blocks, approved time, billable
 * expenses with their markup, completed milestones, products resold from
 * deployments — each naming the record it bills. Pure: the server loads what
 * is approved and not yet billed, this decides what it costs.
 */

export interface BillingAgreement extends Agreement {
	amountPerPeriod: number | null;
	blockPrice: number | null;
	dueDays: number | null;
	billToEmail: string | null;
	programId: string | null;
}

export interface BillableExpense {
	id: string;
	date: string;
	category: string;
	amount: number;
	markupBasisPoints: number;
	notes: string | null;
}

export interface CompletedMilestone {
	id: string;
	contractId: string | null;
	name: string;
	amount: number | null;
	completedOn: string;
}

export interface ResoldProduct {
	id: string;
	productName: string;
	quantity: number;
	since: string | null;
	unitPrice: number;
	unitCost: number;
}

export interface CustomerBilling {
	customer: { id: string; name: string; currency: string; hourlyRate: number | null; paymentTermsDays: number | null; email: string | null };
	agreements: BillingAgreement[];
	associations: PlanAssociationRecord[];
	counts: DeviceCounts;
	entries: BillableEntry[];
	expenses: BillableExpense[];
	milestones: CompletedMilestone[];
	deployments: ResoldProduct[];
	/** the customer's region's rate, else the tenant's default, basis points */
	taxBasisPoints: number;
}

export interface BillingCatalog {
	plans: ReadonlyMap<string, ServicePlanRecord>;
	programs: ReadonlyMap<string, ProgramRecord>;
	/** by lower-cased name */
	roles: ReadonlyMap<string, RoleRecord>;
	/** contract id → lower-cased role → rate */
	overrides: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

export interface DraftInput {
	period: Period;
	customers: readonly CustomerBilling[];
	catalog: BillingCatalog;
	/** keys of recurring cycles, blocks, milestones and products already invoiced */
	billed: ReadonlySet<string>;
	/** minutes already drawn per block pool */
	drawn: ReadonlyMap<string, number>;
}

export interface DraftInvoice {
	customerId: string;
	customerName: string;
	currency: string;
	dueDays: number;
	billToEmail: string | null;
	lines: DraftLine[];
	balances: BlockBalance[];
}

export const DEFAULT_DUE_DAYS = 30;

/** Every customer's draft (those with nothing to bill are left out) and what stopped a line from billing. */
export function draftRun(input: DraftInput): { invoices: DraftInvoice[]; problems: string[] } {
	const problems = new Set<string>();
	const invoices: DraftInvoice[] = [];
	for (const billing of input.customers) {
		const invoice = draftInvoice(billing, input, problems);
		if (invoice.lines.length > 0) invoices.push(invoice);
	}
	return { invoices, problems: [...problems] };
}

function draftInvoice(billing: CustomerBilling, input: DraftInput, problems: Set<string>): DraftInvoice {
	const { customer, agreements } = billing;
	const ctx = { period: input.period, billed: input.billed, taxBasisPoints: billing.taxBasisPoints };
	const lines: DraftLine[] = [];
	for (const association of billing.associations) {
		const plan = input.catalog.plans.get(association.planId);
		const problem = plan ? planProblem(plan) : `A plan associated with ${customer.name} is no longer in the catalog.`;
		if (problem) problems.add(problem);
		else lines.push(...planLines(plan!, association, { ...ctx, counts: billing.counts }));
	}
	for (const agreement of agreements) {
		if (agreement.type === 'recurring' || agreement.type === 'retainer') lines.push(...agreementLines(agreement, ctx));
		if (agreement.type === 'block-hours') lines.push(...blockPurchase(agreement, input));
	}
	const program = agreements.map((a) => (a.programId ? input.catalog.programs.get(a.programId) : undefined)).find(Boolean) ?? null;
	const labour = labourLines(billing.entries, { agreements, customerRate: customer.hourlyRate, roles: input.catalog.roles, overrides: input.catalog.overrides, program, drawn: input.drawn });
	lines.push(...labour.lines, ...billing.expenses.map(expenseLine), ...billing.milestones.flatMap((m) => milestoneLine(m, input)), ...billing.deployments.flatMap((d) => productLines(d, ctx)));
	const explicitDue = [...agreements.map((a) => a.dueDays), ...billing.associations.map((a) => a.dueDays)].filter((d): d is number => d !== null);
	return {
		customerId: customer.id,
		customerName: customer.name,
		currency: customer.currency,
		dueDays: explicitDue.length > 0 ? Math.min(...explicitDue) : (customer.paymentTermsDays ?? DEFAULT_DUE_DAYS),
		billToEmail: [...agreements.map((a) => a.billToEmail), ...billing.associations.map((a) => a.billToEmail)].find(Boolean) ?? customer.email,
		lines,
		balances: labour.balances
	};
}

const line = (fields: Omit<DraftLine, 'taxable' | 'taxBasisPoints' | 'minutes' | 'cost'> & Partial<DraftLine>): DraftLine => ({ taxable: false, taxBasisPoints: 0, minutes: null, cost: 0, ...fields });

/** A block of hours is invoiced once, by the run whose period holds its start. */
function blockPurchase(block: BillingAgreement, input: DraftInput): DraftLine[] {
	const key = `block:${block.id}`;
	if (!block.start || block.start < input.period.start || block.start > input.period.end || input.billed.has(key) || !(block.blockPrice && block.blockPrice > 0)) return [];
	const hours = (block.blockMinutes ?? 0) / 60;
	return [line({ kind: 'block', sourceKind: 'contract', sourceId: key, contractId: block.id, description: `${block.name}: ${hours} prepaid hours`, serviceDate: block.start, quantity: 1, unitPrice: block.blockPrice, amount: block.blockPrice })];
}

/** A billable expense at cost plus its markup, rounded once. */
function expenseLine(expense: BillableExpense): DraftLine {
	const amount = applyBasisPoints(expense.amount, 10_000 + expense.markupBasisPoints);
	const markup = expense.markupBasisPoints > 0 ? ` (incl. ${expense.markupBasisPoints / 100} % markup)` : '';
	return line({ kind: 'expense', sourceKind: 'expense', sourceId: expense.id, contractId: null, description: `${expense.date} · ${expense.category}${expense.notes ? ` — ${expense.notes}` : ''}${markup}`, serviceDate: expense.date, quantity: 1, unitPrice: amount, amount, cost: expense.amount });
}

function milestoneLine(milestone: CompletedMilestone, input: DraftInput): DraftLine[] {
	const { period, billed } = input;
	if (milestone.completedOn < period.start || milestone.completedOn > period.end || billed.has(milestone.id) || !milestone.amount) return [];
	return [line({ kind: 'milestone', sourceKind: 'milestone', sourceId: milestone.id, contractId: milestone.contractId, description: `Milestone: ${milestone.name} (completed ${milestone.completedOn})`, serviceDate: milestone.completedOn, quantity: 1, unitPrice: milestone.amount, amount: milestone.amount })];
}

/** Products the customer runs, resold monthly at the catalog price from their deployment date. */
function productLines(product: ResoldProduct, ctx: { period: Period; billed: ReadonlySet<string>; taxBasisPoints: number }): DraftLine[] {
	if (product.unitPrice <= 0 || product.quantity <= 0) return [];
	const since = product.since ?? '1970-01-01';
	return cyclesDue(ctx.period, 'monthly', since, null)
		.filter((span) => !ctx.billed.has(`${product.id}:${span.start}`))
		.map((span) =>
			line({
				kind: 'product',
				sourceKind: 'deployment',
				sourceId: `${product.id}:${span.start}`,
				contractId: null,
				description: `${product.productName} (${cycleLabel(span, since, null)})`,
				serviceDate: span.start,
				quantity: product.quantity,
				unitPrice: product.unitPrice,
				amount: proratedCharge(product.unitPrice * product.quantity, span, since, null),
				taxable: true,
				taxBasisPoints: ctx.taxBasisPoints,
				cost: proratedCharge(product.unitCost * product.quantity, span, since, null)
			})
		);
}
