import { describe, expect, it } from 'vitest';
import type { MonthTotals } from '#lib/domain/stack/spend.js';
import { productFigure, runRateFigure, spendFigure } from './spend-figures.js';

const money = (minor: number) => `$${(minor / 100).toFixed(2)}`;
const named = (name: string, revenue: number, cost: number) => ({ name, revenue, cost });

describe('spendFigure', () => {
	const rows = [named('Datto', 0, 30000), named('Huntress', 5000, 12550), named('No vendor (agreements)', 125000, 0)];

	it('charts and tables the cost of each group that costs something, with its total', () => {
		const figure = spendFigure(rows, 'Vendor', money);
		expect(figure.data.labels).toEqual(['Datto', 'Huntress']);
		expect(figure.data.datasets.map((d) => [d.label, d.data])).toEqual([['Monthly cost', [30000, 12550]]]);
		expect(figure.table).toEqual({
			heading: 'Vendor',
			columns: ['Monthly cost'],
			rows: [
				{ label: 'Datto', cells: ['$300.00'] },
				{ label: 'Huntress', cells: ['$125.50'] }
			],
			total: ['$425.50']
		});
	});

	it('has no rows when nothing costs anything', () => {
		expect(spendFigure([named('No vendor (agreements)', 125000, 0)], 'Vendor', money).table.rows).toEqual([]);
	});
});

describe('runRateFigure', () => {
	const months: MonthTotals[] = [
		{ month: '2026-02', day: '2026-02-28', revenue: 100000, cost: 30000 },
		{ month: '2026-03', day: '2026-03-15', revenue: 125000, cost: 30000 }
	];

	it('draws revenue and cost per month and tables them with the margin, without a total', () => {
		const figure = runRateFigure(months, money);
		expect(figure.data.labels).toEqual(['Feb 2026', 'Mar 2026']);
		expect(figure.data.datasets.map((d) => [d.label, d.data])).toEqual([
			['Revenue', [100000, 125000]],
			['Cost', [30000, 30000]]
		]);
		expect(figure.table.columns).toEqual(['Revenue', 'Cost', 'Margin']);
		expect(figure.table.rows[1]).toEqual({ label: 'Mar 2026', cells: ['$1250.00', '$300.00', '$950.00'] });
		expect(figure.table.total).toBeUndefined();
	});
});

describe('productFigure', () => {
	it('draws the top products and tables all of them with their total', () => {
		const all = [named('Backup', 12000, 15000), named('EDR', 7000, 3000), named('RMM', 400, 100)];
		const figure = productFigure(all.slice(0, 2), all, money);
		expect(figure.data.labels).toEqual(['Backup', 'EDR']);
		expect(figure.data.datasets.map((d) => d.data)).toEqual([
			[12000, 7000],
			[15000, 3000]
		]);
		expect(figure.table.rows.map((r) => r.label)).toEqual(['Backup', 'EDR', 'RMM']);
		expect(figure.table.rows[0].cells).toEqual(['$120.00', '$150.00', '$-30.00']);
		expect(figure.table.total).toEqual(['$194.00', '$181.00', '$13.00']);
	});
});
