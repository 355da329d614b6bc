import { describe, expect, it } from 'vitest';
import { barsHeight, valueOptions } from './figures.js';

const format = (value: number) => `$${value / 100}`;
type Callback = (...args: unknown[]) => string;

describe('valueOptions', () => {
	it('prints the value axis and the tooltips with the format, the axis from zero', () => {
		const options = valueOptions<'line'>(format);
		const y = options.scales?.y as { beginAtZero: boolean; ticks: { callback: Callback } };
		expect(y.beginAtZero).toBe(true);
		expect(y.ticks.callback(125000)).toBe('$1250');
		const label = options.plugins?.tooltip?.callbacks?.label as Callback;
		expect(label({ dataset: { label: 'Revenue' }, parsed: { x: 3, y: 125000 } })).toBe('Revenue: $1250');
		expect(options.indexAxis).toBe('x');
		expect(options.plugins?.legend?.display).toBe(true);
	});

	it('lays bars along the x axis when horizontal, and can hide the legend', () => {
		const options = valueOptions<'bar'>(format, { horizontal: true, legend: false });
		expect(options.indexAxis).toBe('y');
		expect(Object.keys(options.scales ?? {})).toEqual(['x']);
		const label = options.plugins?.tooltip?.callbacks?.label as Callback;
		expect(label({ dataset: { label: 'Monthly cost' }, parsed: { x: 30000, y: 0 } })).toBe('Monthly cost: $300');
		expect(options.plugins?.legend?.display).toBe(false);
	});
});

describe('barsHeight', () => {
	it('gives each bar room, and a small chart a floor', () => {
		expect(barsHeight(1)).toBe('8rem');
		expect(barsHeight(10)).toBe('23rem');
	});
});
