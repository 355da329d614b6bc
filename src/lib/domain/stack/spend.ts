import type { ProductRecord, VendorContractRecord } from '../catalog/schema.js';
import { addMonths, daysInMonth, formatDay, requireDay } from '../contracts/days.js';
import { renewalDate } from '../contracts/schedule.js';
import type { CustomerContractRecord } from '../contracts/schema.js';
import { times, type DeploymentFacts } from './usage.js';

/**
 * The MSP's money per month, as lines that each say where they come from
 * (a deployment, a vendor contract, a customer agreement), what they belong to
 * (vendor, category, product, customer) and when they count. Every figure of
 * the spend dashboard is a sum of lines, so the charts always add up.
 * See docs/decisions/015-stack-spend.md.
 */

export const PERIOD_MONTHS = { monthly: 1, quarterly: 3, annual: 12 } as const;
export type Period = keyof typeof PERIOD_MONTHS;

/** Rounding rule: a period's amount over its months, rounded half up to whole minor units ($100.00 a quarter → $33.33 a month). */
export function monthlyAmount(amountPerPeriod: number | null, period: Period): number {
	return Math.round((amountPerPeriod ?? 0) / PERIOD_MONTHS[period]);
}

export type LineSource = 'deployment' | 'vendor-contract' | 'customer-contract';

export interface MoneyLine {
	source: LineSource;
	/** what the MSP earns, minor units per month */
	revenue: number;
	/** what the MSP pays, minor units per month */
	cost: number;
	vendorId: string | null;
	categoryId: string | null;
	productId: string | null;
	/** null for the MSP's own vendor contracts */
	customerId: string | null;
	/** the first day it counts (YYYY-MM-DD); null: as far back as we know */
	from: string | null;
	/** the first day it no longer counts; null: open-ended */
	until: string | null;
}

export interface SpendInput {
	products: readonly ProductRecord[];
	vendorContracts: readonly VendorContractRecord[];
	customerContracts: readonly CustomerContractRecord[];
	deployments: Iterable<DeploymentFacts & { since: string | null }>;
	/** customers whose money counts (deleted customers' does not) */
	counts: (customerId: string) => boolean;
	today: string;
}

const dayOf = (instant: string | null) => (instant ? instant.slice(0, 10) : null);
const earliest = (a: string | null, b: string | null) => (a === null ? b : b === null || a < b ? a : b);

/** When a contract stops counting: deleted, or the end of a term that does not renew. */
function contractUntil(contract: VendorContractRecord | CustomerContractRecord, today: string): string | null {
	return earliest(dayOf(contract.deletedAt), contract.autoRenew ? null : renewalDate(contract, today));
}

/** Each deployment of a product in the catalog: its price and cost × quantity, from its `since` date. */
function deploymentLines(input: SpendInput, products: Map<string, ProductRecord>): MoneyLine[] {
	const lines: MoneyLine[] = [];
	for (const row of input.deployments) {
		const product = products.get(row.productId);
		if (!product || !input.counts(row.customerId)) continue;
		lines.push({
			source: 'deployment',
			revenue: times(product.unitPrice, row.quantity),
			cost: times(product.unitCost, row.quantity),
			vendorId: product.vendorId,
			categoryId: product.categoryId,
			productId: product.id,
			customerId: row.customerId,
			from: row.since,
			until: dayOf(row.deletedAt)
		});
	}
	return lines;
}

/**
 * Splits an amount into `n` whole shares that sum to it exactly: even shares,
 * the leftover minor units one each to the first shares.
 */
export function splitEvenly(amount: number, n: number): number[] {
	const base = Math.floor(amount / n);
	const left = amount - base * n;
	return Array.from({ length: n }, (_, i) => base + (i < left ? 1 : 0));
}

/**
 * A vendor contract's monthly cost, shared evenly among the products it lists
 * (so spend by category and by product include it); a contract that lists no
 * product in the catalog is one line of its vendor alone.
 */
function vendorContractLines(input: SpendInput, products: Map<string, ProductRecord>): MoneyLine[] {
	const lines: MoneyLine[] = [];
	for (const contract of input.vendorContracts) {
		const window = { from: contract.start, until: contractUntil(contract, input.today) };
		const covered = [...new Set(contract.productIds)].sort().flatMap((id) => products.get(id) ?? []);
		const amount = monthlyAmount(contract.amountPerPeriod, contract.period);
		const shares = splitEvenly(amount, Math.max(covered.length, 1));
		const targets = covered.length > 0 ? covered : [null];
		targets.forEach((product, i) =>
			lines.push({
				source: 'vendor-contract',
				revenue: 0,
				cost: shares[i],
				vendorId: contract.vendorId ?? product?.vendorId ?? null,
				categoryId: product?.categoryId ?? null,
				productId: product?.id ?? null,
				customerId: null,
				...window
			})
		);
	}
	return lines;
}

/** The MSP's agreements with customers are revenue; a customer's own third-party contracts are not the MSP's money. */
function customerContractLines(input: SpendInput): MoneyLine[] {
	return input.customerContracts
		.filter((contract) => contract.party === 'msp' && input.counts(contract.customerId))
		.map((contract) => ({
			source: 'customer-contract',
			revenue: monthlyAmount(contract.amountPerPeriod, contract.period),
			cost: 0,
			vendorId: null,
			categoryId: null,
			productId: null,
			customerId: contract.customerId,
			from: contract.start,
			until: contractUntil(contract, input.today)
		}));
}

/** Every money line of the tenant; products deleted from the catalog no longer count. */
export function moneyLines(input: SpendInput): MoneyLine[] {
	const products = new Map(input.products.filter((p) => !p.deletedAt).map((p) => [p.id, p]));
	return [...deploymentLines(input, products), ...vendorContractLines(input, products), ...customerContractLines(input)];
}

export function activeOn(line: MoneyLine, day: string): boolean {
	return (line.from === null || line.from <= day) && (line.until === null || day < line.until);
}

/** A customer's lines: their deployments and agreements (the MSP's vendor contracts belong to no customer). */
export function ofCustomer(lines: readonly MoneyLine[], customerId: string): MoneyLine[] {
	return lines.filter((line) => line.customerId === customerId);
}

export interface Totals {
	revenue: number;
	cost: number;
}

/** The sum of lines, or of groups already summed. */
export function totals(lines: Iterable<Totals>): Totals {
	const sum = { revenue: 0, cost: 0 };
	for (const line of lines) {
		sum.revenue += line.revenue;
		sum.cost += line.cost;
	}
	return sum;
}

/** What is left of the revenue after the cost, as a share of the revenue; null with no revenue to share. */
export function marginShare({ revenue, cost }: Totals): number | null {
	return revenue === 0 ? null : (revenue - cost) / revenue;
}

/** A year of a monthly run-rate: twelve times what runs today (whole minor units stay whole). */
export function annualRunRate({ revenue, cost }: Totals): Totals {
	return { revenue: revenue * 12, cost: cost * 12 };
}

/** Totals per vendor, category or product (key null: lines with none), biggest cost first. */
export function totalsBy(lines: Iterable<MoneyLine>, key: 'vendorId' | 'categoryId' | 'productId'): [string | null, Totals][] {
	const groups = new Map<string | null, Totals>();
	for (const line of lines) {
		const group = groups.get(line[key]) ?? { revenue: 0, cost: 0 };
		group.revenue += line.revenue;
		group.cost += line.cost;
		groups.set(line[key], group);
	}
	return [...groups].sort(([a, x], [b, y]) => y.cost - x.cost || y.revenue - x.revenue || String(a).localeCompare(String(b)));
}

export interface MonthTotals extends Totals {
	/** YYYY-MM */
	month: string;
	/** the day the month is measured on: its last day, or today for this month */
	day: string;
}

/**
 * The monthly run-rate over the last `months` months, this one included:
 * what was running at each month's end (today for this month), at today's
 * prices and quantities (the documents keep no history of those).
 */
export function runRate(lines: readonly MoneyLine[], today: string, months = 12): MonthTotals[] {
	const start = requireDay(`${today.slice(0, 7)}-01`);
	return Array.from({ length: months }, (_, i) => {
		const first = formatDay(addMonths(start, i - months + 1));
		const [year, month] = first.split('-').map(Number);
		const day = i === months - 1 ? today : `${first.slice(0, 8)}${String(daysInMonth(year, month)).padStart(2, '0')}`;
		return { month: first.slice(0, 7), day, ...totals(lines.filter((line) => activeOn(line, day))) };
	});
}
