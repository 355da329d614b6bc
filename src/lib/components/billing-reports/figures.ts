import type { ChartData, ChartOptions } from 'chart.js';
import { AGING_BUCKETS, AGING_LABELS, type AgedCustomer, type Buckets, type ByKind, type CustomerProfit, type Profit, type Revenue, type RevenueReport, type UnbilledCustomer } from '#lib/domain/billing/reports.js';
import { LINE_KIND_LABELS, type LineKind } from '#lib/domain/billing/invoice.js';
import { formatMoney } from '#lib/sync/contracts/inputs.js';
import { SERIES_COLORS, valueOptions, type FigureTable } from '../charts/figures.js';
import { formatMonth, formatShare } from '../format.js';
import { formatHours } from '../people-time/format.js';

/**
 * The billing reports' charts and the tables under them, from the report's
 * own figures so the chart, its table and the CSV agree. Amounts stay in minor
 * units for chart.js; the axis and the tooltips print them as money.
 */

export type Money = (minor: number) => string;

export const moneyIn = (currency: string): Money => (minor) => formatMoney(minor, currency);

/** the most bars one chart draws; the tables below it hold every row */
export const CHART_ROWS = 12;

const [ACCENT, ORANGE, GREEN, PURPLE, PINK] = SERIES_COLORS;

/** Money bars stacked into one bar per label, horizontal for names. */
export function stackedMoney(money: Money, horizontal: boolean): ChartOptions<'bar'> {
	const options = valueOptions<'bar'>(money, { horizontal });
	const value = horizontal ? 'x' : 'y';
	const index = horizontal ? 'y' : 'x';
	return { ...options, scales: { [value]: { ...options.scales?.[value], stacked: true }, [index]: { stacked: true } } };
}

// ——— revenue —————————————————————————————————————————————————————————————————

export const REVENUE_COLUMNS = ['Invoiced', 'Credited', 'Net revenue'];
export const revenueCells = (r: Revenue, money: Money) => [money(r.invoiced), money(r.credited), money(r.net)];

export function monthsFigure(report: RevenueReport, money: Money): { data: ChartData<'bar'>; table: FigureTable } {
	const billed = report.months.some((m) => m.invoiced !== 0 || m.credited !== 0);
	return {
		data: { labels: report.months.map((m) => formatMonth(m.month)), datasets: [{ label: 'Net revenue', data: report.months.map((m) => m.net), backgroundColor: ACCENT }] },
		table: {
			heading: 'Month',
			columns: REVENUE_COLUMNS,
			rows: billed ? report.months.map((m) => ({ label: formatMonth(m.month), cells: revenueCells(m, money) })) : [],
			total: revenueCells(report.total, money)
		}
	};
}

export function agreementsFigure(report: RevenueReport, money: Money): { data: ChartData<'bar'>; table: FigureTable } {
	return {
		data: { labels: report.agreements.map((a) => a.label), datasets: [{ label: 'Net revenue', data: report.agreements.map((a) => a.net), backgroundColor: GREEN }] },
		table: { heading: 'Agreement type', columns: REVENUE_COLUMNS, rows: report.agreements.map((a) => ({ label: a.label, cells: revenueCells(a, money) })), total: revenueCells(report.total, money) }
	};
}

// ——— profitability ——————————————————————————————————————————————————————————

export const PROFIT_COLUMNS = ['Revenue', 'Labour cost', 'Other cost', 'Margin', 'Margin %'];
export const profitCells = (p: Profit, money: Money) => [money(p.revenue), money(p.labourCost), money(p.otherCost), money(p.margin), formatShare(p.marginShare)];

/** Revenue beside cost for the customers with the most revenue. */
export function profitFigure(customers: readonly CustomerProfit[], money: Money): { data: ChartData<'bar'>; table: FigureTable } {
	const shown = customers.slice(0, CHART_ROWS);
	return {
		data: {
			labels: shown.map((c) => c.customerName),
			datasets: [
				{ label: 'Revenue', data: shown.map((c) => c.revenue), backgroundColor: ACCENT },
				{ label: 'Cost', data: shown.map((c) => c.cost), backgroundColor: ORANGE }
			]
		},
		table: { heading: 'Customer', columns: PROFIT_COLUMNS, rows: shown.map((c) => ({ label: c.customerName, cells: profitCells(c, money) })) }
	};
}

// ——— aging ————————————————————————————————————————————————————————————————————

/** current in green, then darker warnings the older the debt */
const BUCKET_COLORS: Record<(typeof AGING_BUCKETS)[number], string> = { current: GREEN, '1-30': ACCENT, '31-60': PURPLE, '61-90': ORANGE, '90+': PINK };

export const AGING_COLUMNS = [...AGING_BUCKETS.map((b) => AGING_LABELS[b]), 'Open'];
export const agingCells = (r: { buckets: Buckets; open: number }, money: Money) => [...AGING_BUCKETS.map((b) => money(r.buckets[b])), money(r.open)];

export function agingFigure(customers: readonly AgedCustomer[], money: Money): { data: ChartData<'bar'>; table: FigureTable } {
	const shown = customers.slice(0, CHART_ROWS);
	return {
		data: {
			labels: shown.map((c) => c.customerName),
			datasets: AGING_BUCKETS.map((b) => ({ label: AGING_LABELS[b], data: shown.map((c) => c.buckets[b]), backgroundColor: BUCKET_COLORS[b] }))
		},
		table: { heading: 'Customer', columns: AGING_COLUMNS, rows: shown.map((c) => ({ label: c.customerName, cells: agingCells(c, money) })) }
	};
}

// ——— unbilled ————————————————————————————————————————————————————————————————

const KIND_COLORS: Record<LineKind, string> = { recurring: ACCENT, labour: ORANGE, block: GREEN, milestone: PURPLE, expense: PINK, product: SERIES_COLORS[5], adjustment: '#667085' };

export const unbilledColumns = (kinds: readonly LineKind[]) => [...kinds.map((k) => LINE_KIND_LABELS[k]), 'Hours', 'Total'];
export const unbilledCells = (r: { byKind: ByKind; minutes: number; total: number }, kinds: readonly LineKind[], money: Money) => [
	...kinds.map((k) => money(r.byKind[k])),
	formatHours(r.minutes),
	money(r.total)
];

export function unbilledFigure(customers: readonly UnbilledCustomer[], kinds: readonly LineKind[], money: Money): { data: ChartData<'bar'>; table: FigureTable } {
	const shown = customers.slice(0, CHART_ROWS);
	return {
		data: { labels: shown.map((c) => c.customerName), datasets: kinds.map((k) => ({ label: LINE_KIND_LABELS[k], data: shown.map((c) => c.byKind[k]), backgroundColor: KIND_COLORS[k] })) },
		table: { heading: 'Customer', columns: unbilledColumns(kinds), rows: shown.map((c) => ({ label: c.customerName, cells: unbilledCells(c, kinds, money) })) }
	};
}

/** The API's CSV download of a report over what the page shows. */
export function csvHref(report: string, query: Record<string, string> = {}): string {
	return `/api/v1/billing/reports/${report}?${new URLSearchParams({ format: 'csv', ...query })}`;
}

/** "Invoices in EUR are left out" when some are, for the line under a report's title. */
export function otherCurrencyNote(others: readonly string[], currency: string, what = 'Invoices'): string | null {
	return others.length === 0 ? null : `${what} in ${others.join(', ')} are left out: these figures are in ${currency}.`;
}
