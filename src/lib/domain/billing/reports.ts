import { addMonths, formatDay, requireDay } from '../contracts/days.js';
import { AGREEMENT_LABELS, AGREEMENT_TYPES } from '../contracts/schema.js';
import { asMoney, asText, toCsv, type Column, type Format } from '../import/export.js';
import { monthOf, readPeriod } from '../people/utilization.js';
import { weekDays } from '../timesheet/weeks.js';
import { neutralise } from './exports.js';
import { LINE_KIND_LABELS, LINE_KINDS, type LineKind } from './invoice.js';
import { minutesAtRate } from './rounding.js';

/**
 * The billing reports' arithmetic, pure: what the repositories sum by month,
 * customer and agreement in, the figures the pages, charts and CSV files show
 * out. Money is integer minor units throughout; revenue is what the lines
 * bill before tax, a credit note's lines (stored negative) taking theirs off.
 * A report is in the tenant's currency: invoices in another are left out and
 * named, never added to it.
 */

// ——— periods ————————————————————————————————————————————————————————————————

export interface ReportPeriod {
	from: string;
	to: string;
}

/** Every calendar month (YYYY-MM) that `from`–`to` touches, in order. */
export function monthSeries(from: string, to: string): string[] {
	const last = to.slice(0, 7);
	const months: string[] = [];
	for (let first = requireDay(`${from.slice(0, 7)}-01`); ; first = addMonths(first, 1)) {
		const month = formatDay(first).slice(0, 7);
		if (month > last) return months;
		months.push(month);
	}
}

/** The twelve calendar months ending with today's. */
export function trailingYear(today: string): ReportPeriod {
	const first = requireDay(`${today.slice(0, 7)}-01`);
	return { from: formatDay(addMonths(first, -11)), to: formatDay(addMonths(first, 1) - 1) };
}

/**
 * The period a report's query asks for (`from` and `to`, or `month`, as the
 * utilization report reads them), else `byDefault` of today; a query that
 * makes no sense gives the default and says why.
 */
export function reportPeriod(
	query: { from?: string | null; to?: string | null; month?: string | null },
	today: string,
	byDefault: (today: string) => ReportPeriod = monthOf
): ReportPeriod & { problem: string | null } {
	if (!query.month && !query.from && !query.to) return { ...byDefault(today), problem: null };
	const { problem, ...period } = readPeriod(query, today);
	return problem ? { ...byDefault(today), problem } : { ...period, problem: null };
}

/** Keeps the rows in `currency`; the other currencies met, to say they are left out. */
export function inCurrency<T extends { currency: string }>(rows: readonly T[], currency: string): { rows: T[]; otherCurrencies: string[] } {
	const kept = rows.filter((r) => r.currency === currency);
	const others = new Set(rows.filter((r) => r.currency !== currency).map((r) => r.currency));
	return { rows: kept, otherCurrencies: [...others].sort() };
}

const byName = <T extends { customerName: string }>(a: T, b: T) => a.customerName.localeCompare(b.customerName);

// ——— agreements ——————————————————————————————————————————————————————————————

type AgreementType = (typeof AGREEMENT_TYPES)[number];

/** What a line billed under: an agreement's type, an agreement with no type set, or no agreement at all. */
export type AgreementKey = AgreementType | 'untyped' | 'none';

export const AGREEMENT_KEYS: readonly AgreementKey[] = [...AGREEMENT_TYPES, 'untyped', 'none'];

export const NO_AGREEMENT = 'No agreement';

export function agreementLabel(key: AgreementKey): string {
	return key === 'none' ? NO_AGREEMENT : key === 'untyped' ? 'Agreement, type not set' : AGREEMENT_LABELS[key];
}

function agreementKey(contractId: string | null, type: string | null): AgreementKey {
	if (contractId === null) return 'none';
	return (AGREEMENT_TYPES as readonly string[]).includes(type ?? '') ? (type as AgreementType) : 'untyped';
}

// ——— revenue ————————————————————————————————————————————————————————————————

/** Posted lines summed by the month the invoice was issued, customer, agreement and kind (billing-reports.ts). */
export interface BilledLines {
	currency: string;
	/** YYYY-MM */
	month: string;
	customerId: string;
	customerName: string;
	/** the agreement the line billed under; a credit note's line, the one of the line it credits */
	contractId: string | null;
	contractName: string | null;
	contractType: string | null;
	kind: string;
	/** the lines of invoices */
	invoiced: number;
	/** what credit notes took back, positive */
	credited: number;
	/** what the lines cost the MSP (labour at cost rates, products, plans, expenses) */
	cost: number;
}

export interface Revenue {
	invoiced: number;
	credited: number;
	net: number;
}

const ZERO: Revenue = { invoiced: 0, credited: 0, net: 0 };

const plus = (a: Revenue, b: Pick<Revenue, 'invoiced' | 'credited'>): Revenue => ({
	invoiced: a.invoiced + b.invoiced,
	credited: a.credited + b.credited,
	net: a.net + b.invoiced - b.credited
});

/** Sums rows into groups by `keyOf`, each group started by `start` from its first row. */
function sumBy<R, G>(rows: readonly R[], keyOf: (row: R) => string, start: (row: R) => G, add: (group: G, row: R) => G): Map<string, G> {
	const groups = new Map<string, G>();
	for (const row of rows) {
		const key = keyOf(row);
		groups.set(key, add(groups.get(key) ?? start(row), row));
	}
	return groups;
}

export interface RevenueLine extends Revenue {
	month: string;
	customerId: string;
	customerName: string;
	agreement: AgreementKey;
	contractName: string;
}

export interface RevenueReport {
	/** every month of the period, those with nothing billed at zero */
	months: (Revenue & { month: string })[];
	/** most revenue first */
	customers: (Revenue & { customerId: string; customerName: string })[];
	/** in the order of AGREEMENT_KEYS, those billed only */
	agreements: (Revenue & { agreement: AgreementKey; label: string })[];
	/** by month, customer and agreement: the CSV's rows */
	lines: RevenueLine[];
	total: Revenue;
	otherCurrencies: string[];
}

const contractNameOf = (r: Pick<BilledLines, 'contractId' | 'contractName'>) => (r.contractId === null ? NO_AGREEMENT : (r.contractName ?? r.contractId));

export function revenueReport(billed: readonly BilledLines[], period: ReportPeriod, currency: string): RevenueReport {
	const { rows, otherCurrencies } = inCurrency(billed, currency);
	const months = sumBy(rows, (r) => r.month, (): Revenue => ZERO, plus);
	const customers = sumBy(rows, (r) => r.customerId, (r) => ({ customerId: r.customerId, customerName: r.customerName, ...ZERO }), (g, r) => ({ ...g, ...plus(g, r) }));
	const agreements = sumBy(rows, (r) => agreementKey(r.contractId, r.contractType), (): Revenue => ZERO, plus);
	const lines = sumBy(
		rows,
		(r) => [r.month, r.customerId, r.contractId ?? ''].join('\u0000'),
		(r): RevenueLine => ({ month: r.month, customerId: r.customerId, customerName: r.customerName, agreement: agreementKey(r.contractId, r.contractType), contractName: contractNameOf(r), ...ZERO }),
		(g, r) => ({ ...g, ...plus(g, r) })
	);
	return {
		months: monthSeries(period.from, period.to).map((month) => ({ month, ...(months.get(month) ?? ZERO) })),
		customers: [...customers.values()].sort((a, b) => b.net - a.net || byName(a, b)),
		agreements: AGREEMENT_KEYS.filter((key) => agreements.has(key)).map((key) => ({ agreement: key, label: agreementLabel(key), ...agreements.get(key)! })),
		lines: [...lines.values()].sort((a, b) => a.month.localeCompare(b.month) || byName(a, b) || a.contractName.localeCompare(b.contractName)),
		total: rows.reduce(plus, ZERO),
		otherCurrencies
	};
}

// ——— profitability ——————————————————————————————————————————————————————————

/**
 * Time on the projects of fixed-price agreements, which bills nothing (the
 * agreement's milestones bill): `entries` entries of `minutes` each by a role
 * whose cost is `costPerHour` (null: the role has none, or the entry names none).
 */
export interface FixedPriceTime {
	customerId: string;
	customerName: string;
	contractId: string;
	contractName: string;
	minutes: number;
	entries: number;
	costPerHour: number | null;
}

export interface Profit {
	/** net of credit notes */
	revenue: number;
	/** labour at cost rates: billed time's and fixed-price projects' */
	labourCost: number;
	/** plans, products and expenses at what they cost */
	otherCost: number;
	cost: number;
	margin: number;
	/** margin ÷ revenue (0.25 for 25 %); null without revenue */
	marginShare: number | null;
}

/** A line's cost as labour when it bills time (a block's draw carries its entry's cost). */
const LABOUR_KINDS: ReadonlySet<string> = new Set<LineKind>(['labour', 'block']);

export function profit(revenue: number, labourCost: number, otherCost: number): Profit {
	const cost = labourCost + otherCost;
	const margin = revenue - cost;
	return { revenue, labourCost, otherCost, cost, margin, marginShare: revenue > 0 ? margin / revenue : null };
}

type Costs = { revenue: number; labourCost: number; otherCost: number };

const NO_COSTS: Costs = { revenue: 0, labourCost: 0, otherCost: 0 };

const addLine = (c: Costs, r: BilledLines): Costs => {
	const labour = LABOUR_KINDS.has(r.kind);
	return { revenue: c.revenue + r.invoiced - r.credited, labourCost: c.labourCost + (labour ? r.cost : 0), otherCost: c.otherCost + (labour ? 0 : r.cost) };
};

/** What time on a fixed-price project cost: each entry at its role's cost rate, rounded once per entry as a billed entry's cost is. */
export const fixedPriceCost = (t: Pick<FixedPriceTime, 'minutes' | 'entries' | 'costPerHour'>): number => t.entries * minutesAtRate(t.minutes, t.costPerHour ?? 0);

export interface CustomerProfit extends Profit {
	customerId: string;
	customerName: string;
}

export interface AgreementProfit extends CustomerProfit {
	contractId: string | null;
	contractName: string;
	agreement: AgreementKey;
	label: string;
}

export interface ProfitabilityReport {
	/** most revenue first */
	customers: CustomerProfit[];
	/** each agreement, and each customer's lines under none; most revenue first */
	agreements: AgreementProfit[];
	total: Profit;
	/** minutes on fixed-price projects whose role has no cost rate: counted at nothing */
	unpricedMinutes: number;
	otherCurrencies: string[];
}

type Costed = Costs & Omit<AgreementProfit, keyof Profit | 'label'>;

export function profitabilityReport(billed: readonly BilledLines[], time: readonly FixedPriceTime[], currency: string): ProfitabilityReport {
	const { rows, otherCurrencies } = inCurrency(billed, currency);
	const agreements = new Map<string, Costed>();
	const of = (customerId: string, customerName: string, contractId: string | null, contractName: string, agreement: AgreementKey) => {
		const key = `${customerId}\u0000${contractId ?? ''}`;
		return agreements.get(key) ?? agreements.set(key, { customerId, customerName, contractId, contractName, agreement, ...NO_COSTS }).get(key)!;
	};
	for (const r of rows) {
		const group = of(r.customerId, r.customerName, r.contractId, contractNameOf(r), agreementKey(r.contractId, r.contractType));
		Object.assign(group, addLine(group, r));
	}
	for (const t of time) of(t.customerId, t.customerName, t.contractId, t.contractName, 'fixed-price').labourCost += fixedPriceCost(t);
	const costed = [...agreements.values()];
	const profitOf = (c: Costs) => profit(c.revenue, c.labourCost, c.otherCost);
	const sum = (list: readonly Costs[]): Costs => list.reduce((a, c) => ({ revenue: a.revenue + c.revenue, labourCost: a.labourCost + c.labourCost, otherCost: a.otherCost + c.otherCost }), NO_COSTS);
	const customers = sumBy(costed, (c) => c.customerId, (c) => ({ customerId: c.customerId, customerName: c.customerName, ...NO_COSTS }), (g, c) => ({ ...g, ...sum([g, c]) }));
	const mostRevenue = <T extends Profit & { customerName: string }>(a: T, b: T) => b.revenue - a.revenue || b.margin - a.margin || byName(a, b);
	return {
		customers: [...customers.values()].map((c) => ({ customerId: c.customerId, customerName: c.customerName, ...profitOf(c) })).sort(mostRevenue),
		agreements: costed
			.map(({ revenue, labourCost, otherCost, ...c }) => ({ ...c, label: agreementLabel(c.agreement), ...profit(revenue, labourCost, otherCost) }))
			.sort((a, b) => mostRevenue(a, b) || a.contractName.localeCompare(b.contractName)),
		total: profitOf(sum(costed)),
		unpricedMinutes: time.filter((t) => !t.costPerHour).reduce((n, t) => n + t.minutes * t.entries, 0),
		otherCurrencies
	};
}

// ——— receivables aging ——————————————————————————————————————————————————————

export const AGING_BUCKETS = ['current', '1-30', '31-60', '61-90', '90+'] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

export const AGING_LABELS: Record<AgingBucket, string> = {
	current: 'Current',
	'1-30': '1–30 days',
	'31-60': '31–60 days',
	'61-90': '61–90 days',
	'90+': '90+ days'
};

/** Days from the due date to `today`: 0 on the due date, negative before it. */
export const daysPastDue = (dueOn: string, today: string): number => requireDay(today) - requireDay(dueOn);

/** Not yet past due (due today included), then 1–30, 31–60, 61–90 and over 90 days past it. */
export function agingBucket(days: number): AgingBucket {
	if (days <= 0) return 'current';
	if (days <= 30) return '1-30';
	if (days <= 60) return '31-60';
	if (days <= 90) return '61-90';
	return '90+';
}

/** A posted or sent invoice (not a credit note) with something still owed. */
export interface OpenInvoice {
	id: string;
	number: string;
	currency: string;
	customerId: string;
	customerName: string;
	issuedOn: string;
	dueOn: string;
	total: number;
	paid: number;
	credited: number;
}

export type Buckets = Record<AgingBucket, number>;

export interface AgedInvoice extends OpenInvoice {
	/** total − paid − credited */
	open: number;
	daysPastDue: number;
	bucket: AgingBucket;
}

export interface AgedCustomer {
	customerId: string;
	customerName: string;
	buckets: Buckets;
	open: number;
	invoices: number;
}

export interface AgingReport {
	asOf: string;
	/** longest overdue first */
	invoices: AgedInvoice[];
	/** most owed first */
	customers: AgedCustomer[];
	total: { buckets: Buckets; open: number };
	otherCurrencies: string[];
}

const noBuckets = (): Buckets => ({ current: 0, '1-30': 0, '31-60': 0, '61-90': 0, '90+': 0 });

export function agingReport(open: readonly OpenInvoice[], today: string, currency: string): AgingReport {
	const { rows, otherCurrencies } = inCurrency(open, currency);
	const invoices = rows
		.map((i): AgedInvoice => {
			const days = daysPastDue(i.dueOn, today);
			return { ...i, open: i.total - i.paid - i.credited, daysPastDue: days, bucket: agingBucket(days) };
		})
		.filter((i) => i.open > 0)
		.sort((a, b) => b.daysPastDue - a.daysPastDue || a.number.localeCompare(b.number));
	const total = { buckets: noBuckets(), open: 0 };
	const customers = new Map<string, AgedCustomer>();
	for (const i of invoices) {
		const c = customers.get(i.customerId) ?? customers.set(i.customerId, { customerId: i.customerId, customerName: i.customerName, buckets: noBuckets(), open: 0, invoices: 0 }).get(i.customerId)!;
		c.buckets[i.bucket] += i.open;
		c.open += i.open;
		c.invoices += 1;
		total.buckets[i.bucket] += i.open;
		total.open += i.open;
	}
	return { asOf: today, invoices, customers: [...customers.values()].sort((a, b) => b.open - a.open || byName(a, b)), total, otherCurrencies };
}

// ——— unbilled ———————————————————————————————————————————————————————————————

/** A customer's draft as `draftRun` makes it (the fields read here). */
export interface UnbilledDraft {
	customerId: string;
	customerName: string;
	currency: string;
	lines: readonly { kind: LineKind; amount: number; minutes: number | null }[];
}

export type ByKind = Record<LineKind, number>;

export interface UnbilledCustomer {
	customerId: string;
	customerName: string;
	byKind: ByKind;
	/** time the lines bill or draw from a block */
	minutes: number;
	lines: number;
	total: number;
}

/** Billable time in approved weeks whose entries name no customer, on no ticket or project that has one: no run can bill it. */
export interface UnassignedTime {
	entries: number;
	minutes: number;
}

export interface UnbilledReport {
	/** most to bill first */
	customers: UnbilledCustomer[];
	/** the kinds with anything to bill, in LINE_KINDS order */
	kinds: LineKind[];
	total: Omit<UnbilledCustomer, 'customerId' | 'customerName'>;
	unassigned: UnassignedTime;
	/** what stopped the draft billing a line (a plan with no price) */
	problems: string[];
	otherCurrencies: string[];
}

const noKinds = (): ByKind => Object.fromEntries(LINE_KINDS.map((k) => [k, 0])) as ByKind;

export function unbilledReport(drafts: readonly UnbilledDraft[], unassigned: UnassignedTime, problems: readonly string[], currency: string): UnbilledReport {
	const { rows, otherCurrencies } = inCurrency(drafts, currency);
	const total = { byKind: noKinds(), minutes: 0, lines: 0, total: 0 };
	const customers = rows.map((draft): UnbilledCustomer => {
		const row = { customerId: draft.customerId, customerName: draft.customerName, byKind: noKinds(), minutes: 0, lines: draft.lines.length, total: 0 };
		for (const line of draft.lines) {
			row.byKind[line.kind] += line.amount;
			row.minutes += line.minutes ?? 0;
			row.total += line.amount;
			total.byKind[line.kind] += line.amount;
		}
		total.minutes += row.minutes;
		total.lines += row.lines;
		total.total += row.total;
		return row;
	});
	const kinds = LINE_KINDS.filter((k) => rows.some((d) => d.lines.some((l) => l.kind === k)));
	return { customers: customers.sort((a, b) => b.total - a.total || byName(a, b)), kinds, total, unassigned, problems: [...problems], otherCurrencies };
}

// ——— weeks changed after approval ———————————————————————————————————————————

/** An approved week edited since (decision 026): held out of billing until approved again. */
export interface ChangedWeek {
	userId: string;
	personName: string;
	week: string;
	/** the week's live entries */
	minutes: number;
	billableMinutes: number;
	/** entries of the week (deleted ones too) a posted invoice already billed */
	invoicedEntries: number;
	/** the numbers of those invoices */
	invoices: string[];
}

// ——— CSV —————————————————————————————————————————————————————————————————————

/** Text people typed (names, agreements) neutralised against CSV injection; amounts are written by formatMinor and keep their minus sign. */
const asCell: Format = (value) => neutralise(asText(value));
const hours = (minutes: number) => (minutes / 60).toFixed(2);
const share = (value: number | null) => (value === null ? '' : value.toFixed(4));

const REVENUE_COLUMNS: Column<RevenueLine>[] = [
	['Month', 'month'],
	['Customer ID', 'customerId', asCell],
	['Customer', 'customerName', asCell],
	['Agreement', 'contractName', asCell],
	['Agreement type', (r) => agreementLabel(r.agreement)],
	['Invoiced', 'invoiced', asMoney],
	['Credited', 'credited', asMoney],
	['Net revenue', 'net', asMoney]
];

/** A row per month, customer and agreement; amounts before tax, "1250.00". */
export const revenueCsv = (report: Pick<RevenueReport, 'lines'>): string => toCsv(report.lines, REVENUE_COLUMNS);

const PROFIT_COLUMNS: Column<AgreementProfit>[] = [
	['Customer ID', 'customerId', asCell],
	['Customer', 'customerName', asCell],
	['Agreement', 'contractName', asCell],
	['Agreement type', 'label'],
	['Revenue', 'revenue', asMoney],
	['Labour cost', 'labourCost', asMoney],
	['Other cost', 'otherCost', asMoney],
	['Margin', 'margin', asMoney],
	['Margin share', (r) => share(r.marginShare)]
];

/** A row per agreement (and per customer's lines under none); the margin share as a fraction (0.2500). */
export const profitabilityCsv = (report: Pick<ProfitabilityReport, 'agreements'>): string => toCsv(report.agreements, PROFIT_COLUMNS);

const AGING_COLUMNS: Column<AgedInvoice>[] = [
	['Invoice', 'number', asCell],
	['Customer ID', 'customerId', asCell],
	['Customer', 'customerName', asCell],
	['Issued', 'issuedOn'],
	['Due', 'dueOn'],
	['Days past due', (r) => String(Math.max(0, r.daysPastDue))],
	['Bucket', (r) => AGING_LABELS[r.bucket]],
	['Total', 'total', asMoney],
	['Paid', 'paid', asMoney],
	['Credited', 'credited', asMoney],
	['Open', 'open', asMoney]
];

/** A row per open invoice, with its bucket. */
export const agingCsv = (report: Pick<AgingReport, 'invoices'>): string => toCsv(report.invoices, AGING_COLUMNS);

type UnbilledRow = Pick<UnbilledCustomer, 'customerId' | 'customerName' | 'minutes'> & { byKind: ByKind | null; total: number | null };

const UNBILLED_COLUMNS: Column<UnbilledRow>[] = [
	['Customer ID', 'customerId', asCell],
	['Customer', 'customerName', asCell],
	...LINE_KINDS.map((kind): Column<UnbilledRow> => [LINE_KIND_LABELS[kind], (r) => r.byKind?.[kind], asMoney]),
	['Hours', (r) => hours(r.minutes)],
	['Total', 'total', asMoney]
];

/** A row per customer, an amount per kind of line; last, the billable hours no customer can be billed for (no amounts). */
export function unbilledCsv(report: Pick<UnbilledReport, 'customers' | 'unassigned'>): string {
	const rows: UnbilledRow[] = [...report.customers];
	if (report.unassigned.entries > 0) rows.push({ customerId: '', customerName: 'No customer (cannot bill)', byKind: null, minutes: report.unassigned.minutes, total: null });
	return toCsv(rows, UNBILLED_COLUMNS);
}

const CHANGED_COLUMNS: Column<ChangedWeek>[] = [
	['Person', 'personName', asCell],
	['Week', 'week'],
	['First day', (r) => weekDays(r.week)[0]],
	['Last day', (r) => weekDays(r.week)[6]],
	['Hours', (r) => hours(r.minutes)],
	['Billable hours', (r) => hours(r.billableMinutes)],
	['Already invoiced', (r) => (r.invoicedEntries > 0 ? 'Yes' : 'No')],
	['Invoices', (r) => r.invoices.join(' '), asCell]
];

/** A row per week approved and changed since. */
export const changedWeeksCsv = (weeks: readonly ChangedWeek[]): string => toCsv(weeks, CHANGED_COLUMNS);
