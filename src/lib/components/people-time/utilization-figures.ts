import type { ChartData, ChartOptions } from 'chart.js';
import { toCsv, type Column } from '#lib/domain/import/export.js';
import type { UtilizationRow } from '#lib/domain/people/utilization.js';
import { SERIES_COLORS, valueOptions, type FigureTable } from '../charts/figures.js';
import { formatShare } from '../format.js';
import { formatHours } from './format.js';

/** The utilization report's chart, table and CSV, from the same rows so they agree. */

type Totals = Omit<UtilizationRow, 'userId' | 'name'>;

export const COLUMNS = ['Available h', 'Time off h', 'Logged h', 'Billable h', 'Utilization'];

export const cells = (r: Totals) => [formatHours(r.availableMinutes), formatHours(r.timeOffMinutes), formatHours(r.loggedMinutes), formatHours(r.billableMinutes), formatShare(r.utilization)];

const [ACCENT] = SERIES_COLORS;

export function utilizationFigure(rows: readonly UtilizationRow[], total: Totals): { data: ChartData<'bar'>; table: FigureTable } {
	return {
		data: {
			labels: rows.map((r) => r.name),
			// percent, so the axis reads as people say it; no hours available draws no bar
			datasets: [{ label: 'Utilization', data: rows.map((r) => (r.utilization === null ? 0 : Math.round(r.utilization * 1000) / 10)), backgroundColor: ACCENT }]
		},
		table: { heading: 'Person', columns: COLUMNS, rows: rows.map((r) => ({ label: r.name, cells: cells(r) })), total: cells(total) }
	};
}

export const PERCENT_BARS: ChartOptions<'bar'> = valueOptions<'bar'>((value) => `${value}%`, { horizontal: true, legend: false });

const hours = (minutes: number) => (minutes / 60).toFixed(2);

const CSV_COLUMNS: Column<UtilizationRow & { from: string; to: string }>[] = [
	['Person', 'name'],
	['From', 'from'],
	['To', 'to'],
	['Capacity hours', (r) => hours(r.capacityMinutes)],
	['Time off hours', (r) => hours(r.timeOffMinutes)],
	['Available hours', (r) => hours(r.availableMinutes)],
	['Logged hours', (r) => hours(r.loggedMinutes)],
	['Billable hours', (r) => hours(r.billableMinutes)],
	['Utilization', (r) => r.utilization?.toFixed(4) ?? '']
];

/** A line per person, hours with two decimals and utilization as a fraction (0.8125), for a spreadsheet. */
export function utilizationCsv(report: { from: string; to: string; rows: readonly UtilizationRow[] }): string {
	return toCsv(report.rows.map((r) => ({ ...r, from: report.from, to: report.to })), CSV_COLUMNS);
}
