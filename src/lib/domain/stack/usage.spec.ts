import { describe, expect, it } from 'vitest';
import { productUsage, times } from './usage.js';

const row = (productId: string, customerId: string, quantity: number, deletedAt: string | null = null) => ({ productId, customerId, quantity, deletedAt });

describe('productUsage', () => {
	it('counts each customer once and sums the quantity over its deployments', () => {
		const usage = productUsage([row('p1', 'c1', 10), row('p1', 'c1', 5), row('p1', 'c2', 3), row('p2', 'c2', 1)]);
		expect(usage.get('p1')?.customerIds.size).toBe(2);
		expect(usage.get('p1')?.quantity).toBe(18);
		expect(usage.get('p2')?.quantity).toBe(1);
		expect(usage.has('p3')).toBe(false);
	});

	it('leaves out deleted deployments and the customers it is told not to count', () => {
		const usage = productUsage([row('p1', 'c1', 10, '2026-01-01T00:00:00Z'), row('p1', 'c2', 4), row('p1', 'gone', 7)], (id) => id !== 'gone');
		expect(usage.get('p1')).toEqual({ customerIds: new Set(['c2']), quantity: 4 });
	});

	it('handles 20,000 deployments in one quick pass', () => {
		const rows = Array.from({ length: 20_000 }, (_, i) => row(`p${i % 300}`, `c${i % 2000}`, 2));
		const started = performance.now();
		const usage = productUsage(rows);
		expect(performance.now() - started).toBeLessThan(50);
		expect(usage.size).toBe(300);
		expect([...usage.values()].reduce((sum, u) => sum + u.quantity, 0)).toBe(40_000);
	});
});

describe('times', () => {
	it('multiplies a unit amount, a missing one counting as nothing', () => {
		expect(times(1250, 4)).toBe(5000);
		expect(times(null, 4)).toBe(0);
	});
});
