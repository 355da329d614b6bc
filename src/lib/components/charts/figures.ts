import type { ChartOptions } from 'chart.js';

/** What a figure is made of besides its chart (see ChartFigure.svelte), and options shared by the app's charts. */

/** A chart's numbers as a table: a first column of labels headed `heading`, then one column per value. */
export interface FigureTable {
	heading: string;
	columns: string[];
	rows: { label: string; cells: string[] }[];
	/** the totals row, one cell per column */
	total?: string[];
}

/** Series colours in order: the app's accent, then colours that stay apart for red–green colour blindness. */
export const SERIES_COLORS = ['#2563eb', '#f79009', '#067647', '#7a5af8', '#dd2590', '#0e9384'] as const;

type ValueChart = 'bar' | 'line';

/**
 * Options for bars or lines of amounts: the value axis starts at zero and it
 * and the tooltips print values with `format` (money from minor units, hours
 * from minutes). `horizontal` lays bars along the x axis, for long names.
 */
export function valueOptions<T extends ValueChart>(format: (value: number) => string, { horizontal = false, legend = true } = {}): ChartOptions<T> {
	// the tooltip item of a bar or a line point (chart.js types it per chart type only)
	const label = (item: { dataset: { label?: string }; parsed: { x: number; y: number } }) => `${item.dataset.label ?? ''}: ${format(Number(horizontal ? item.parsed.x : item.parsed.y))}`;
	return {
		indexAxis: horizontal ? 'y' : 'x',
		scales: { [horizontal ? 'x' : 'y']: { beginAtZero: true, ticks: { callback: (tick: number | string) => format(Number(tick)) } } },
		plugins: { legend: { display: legend }, tooltip: { callbacks: { label } } }
	} as ChartOptions<T>;
}

/** A `--chart-height` that gives each of `count` horizontal bars room to be read, plus the axis. */
export function barsHeight(count: number): string {
	return `${Math.max(8, 3 + count * 2)}rem`;
}
