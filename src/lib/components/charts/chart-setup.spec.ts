import { describe, expect, it } from 'vitest';
import { copyForChart } from './chart-setup.js';

describe('copyForChart', () => {
	it('copies plain objects and arrays all the way down and keeps functions', () => {
		const callback = (value: number) => `$${value}`;
		const options = { scales: { y: { ticks: { callback } } }, datasets: [{ data: [1, 2], label: 'Cost' }], when: new Date(0) };
		const copy = copyForChart(options);
		expect(copy).toEqual(options);
		expect(copy).not.toBe(options);
		expect(copy.scales.y).not.toBe(options.scales.y);
		expect(copy.datasets[0].data).not.toBe(options.datasets[0].data);
		expect(copy.scales.y.ticks.callback).toBe(callback);
		expect(copy.when).toBe(options.when);
		copy.datasets[0].data.push(3);
		expect(options.datasets[0].data).toEqual([1, 2]);
	});
});
