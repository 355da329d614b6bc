import type { ChartData } from 'chart.js';
import { totals, type MonthTotals, type Totals } from '#lib/domain/stack/spend.js';
import type { Named } from '#lib/sync/stack/spend-page.svelte.js';
import { SERIES_COLORS, type FigureTable } from '../charts/figures.js';
import { formatMonth } from '../format.js';

/**
 * The spend dashboard's charts and their tables, made from the same rows so
 * the table under a chart always shows the chart's numbers. Chart values are
 * minor units; tables print them with `money`.
 */

type Money = (minor: number) => string;

export interface Figure<T extends 'bar' | 'line'> {
	data: ChartData<T>;
	table: FigureTable;
}

const [REVENUE, COST] = SERIES_COLORS;
const COLUMNS = ['Revenue', 'Cost', 'Margin'];

const cells = (sums: Totals, money: Money) => [money(sums.revenue), money(sums.cost), money(sums.revenue - sums.cost)];

const revenueAndCost = (rows: readonly Totals[]) => [
	{ label: 'Revenue', data: rows.map((row) => row.revenue), backgroundColor: REVENUE, borderColor: REVENUE },
	{ label: 'Cost', data: rows.map((row) => row.cost), backgroundColor: COST, borderColor: COST }
];

/** Spend per vendor or category: a bar each, biggest first; groups that cost nothing (agreements) are left out. */
export function spendFigure(rows: readonly Named[], heading: string, money: Money): Figure<'bar'> {
	const spending = rows.filter((row) => row.cost !== 0);
	return {
		data: {
			labels: spending.map((row) => row.name),
			datasets: [{ label: 'Monthly cost', data: spending.map((row) => row.cost), backgroundColor: COST }]
		},
		table: {
			heading,
			columns: ['Monthly cost'],
			rows: spending.map((row) => ({ label: row.name, cells: [money(row.cost)] })),
			total: [money(totals(spending).cost)]
		}
	};
}

/** The monthly run-rate month by month, revenue against cost (no total: run-rates do not add up over months). */
export function runRateFigure(months: readonly MonthTotals[], money: Money): Figure<'line'> {
	const labels = months.map((month) => formatMonth(month.month));
	return {
		data: { labels, datasets: revenueAndCost(months) },
		table: { heading: 'Month', columns: COLUMNS, rows: months.map((month, i) => ({ label: labels[i], cells: cells(month, money) })) }
	};
}

/** Revenue against cost per product: bars for the `top` products, every product in the table. */
export function productFigure(top: readonly Named[], all: readonly Named[], money: Money): Figure<'bar'> {
	return {
		data: { labels: top.map((row) => row.name), datasets: revenueAndCost(top) },
		table: { heading: 'Product', columns: COLUMNS, rows: all.map((row) => ({ label: row.name, cells: cells(row, money) })), total: cells(totals(all), money) }
	};
}
