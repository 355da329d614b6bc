import { describe, expect, it } from 'vitest';
import { packStack, productUsage, times, usageOfStacks } from './usage.js';

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

describe('packed stacks', () => {
	const deployments = [row('p1', 'c1', 10), row('p1', 'c1', 5), row('p2', 'c1', 3, '2026-01-01T00:00:00Z')];

	it('keep the live deployments of a customer, and whether it counts', () => {
		expect(packStack('c1', { name: 'Contoso', deletedAt: null }, deployments)).toEqual({ customerId: 'c1', name: 'Contoso', deleted: false, productIds: ['p1', 'p1'], quantities: [10, 5] });
		expect(packStack('c1', { name: 'Contoso', deletedAt: '2026-02-01T00:00:00Z' }, [])?.deleted).toBe(true);
		// the deployments may reach the index before their customer
		expect(packStack('c1', undefined, deployments)?.name).toBeNull();
		expect(packStack('c1', undefined, [])).toBeNull();
	});

	it('sum up to what productUsage gives from the rows', () => {
		const rows = [...deployments, row('p1', 'c2', 4), row('p3', 'c2', 1), row('p1', 'c3', 9)];
		const customers = new Map([
			['c1', { name: 'Contoso', deletedAt: null }],
			['c2', { name: 'Fabrikam', deletedAt: null }],
			['c3', { name: 'Gone', deletedAt: '2026-02-01T00:00:00Z' }]
		]);
		const stacks = [...customers].map(([id, customer]) => packStack(id, customer, rows.filter((r) => r.customerId === id))!);
		expect(usageOfStacks(stacks)).toEqual(productUsage(rows, (id) => !customers.get(id)?.deletedAt));
	});
});

describe('times', () => {
	it('multiplies a unit amount, a missing one counting as nothing', () => {
		expect(times(1250, 4)).toBe(5000);
		expect(times(null, 4)).toBe(0);
	});
});
