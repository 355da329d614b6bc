import { describe, expect, it } from 'vitest';
import { customerContract, product, vendorContract } from './fixtures.js';
import { activeOn, annualRunRate, marginShare, moneyLines, monthlyAmount, ofCustomer, runRate, splitEvenly, totals, totalsBy, type SpendInput } from './spend.js';

const today = '2026-03-15';
const deployment = (productId: string, customerId: string, quantity: number, fields: { since?: string; deletedAt?: string } = {}) => ({
	productId,
	customerId,
	quantity,
	since: fields.since ?? null,
	deletedAt: fields.deletedAt ?? null
});

const input = (fields: Partial<SpendInput>): SpendInput => ({
	products: [],
	vendorContracts: [],
	customerContracts: [],
	deployments: [],
	counts: () => true,
	today,
	...fields
});

describe('monthlyAmount', () => {
	it('divides a period amount into months, rounding half up to whole cents', () => {
		expect(monthlyAmount(10000, 'monthly')).toBe(10000);
		expect(monthlyAmount(10000, 'quarterly')).toBe(3333);
		expect(monthlyAmount(20000, 'quarterly')).toBe(6667);
		expect(monthlyAmount(120000, 'annual')).toBe(10000);
		expect(monthlyAmount(6, 'annual')).toBe(1);
		expect(monthlyAmount(null, 'annual')).toBe(0);
	});
});

describe('splitEvenly', () => {
	it('gives whole shares summing to the amount, leftovers to the first', () => {
		expect(splitEvenly(100, 3)).toEqual([34, 33, 33]);
		expect(splitEvenly(99, 3)).toEqual([33, 33, 33]);
		expect(splitEvenly(5, 1)).toEqual([5]);
	});
});

describe('moneyLines', () => {
	const products = [
		product('edr', { vendorId: 'huntress', categoryId: 'security', unitCost: 300, unitPrice: 700 }),
		product('backup', { vendorId: 'datto', categoryId: 'backup', unitCost: 200, unitPrice: 500 }),
		product('gone', { unitCost: 1, unitPrice: 1, deletedAt: '2026-01-01T00:00:00Z' })
	];

	it('values deployments at price and cost × quantity', () => {
		const lines = moneyLines(input({ products, deployments: [deployment('edr', 'c1', 10), deployment('gone', 'c1', 10)] }));
		expect(lines).toEqual([
			expect.objectContaining({ source: 'deployment', revenue: 7000, cost: 3000, vendorId: 'huntress', categoryId: 'security', productId: 'edr', customerId: 'c1' })
		]);
	});

	it("leaves out customers that do not count and the customers' third-party contracts", () => {
		const lines = moneyLines(
			input({
				products,
				deployments: [deployment('edr', 'deleted', 10)],
				customerContracts: [customerContract('k1', 'c1', { party: 'third-party', amountPerPeriod: 5000 }), customerContract('k2', 'deleted', { amountPerPeriod: 5000 })],
				counts: (id) => id !== 'deleted'
			})
		);
		expect(lines).toEqual([]);
	});

	it('shares a vendor contract among its products and their categories', () => {
		const contract = vendorContract('vc', { vendorId: 'pax8', productIds: ['edr', 'backup', 'unknown'], amountPerPeriod: 30001, period: 'quarterly' });
		const lines = moneyLines(input({ products, vendorContracts: [contract] }));
		expect(lines.map((l) => [l.productId, l.categoryId, l.vendorId, l.cost])).toEqual([
			['backup', 'backup', 'pax8', 5000],
			['edr', 'security', 'pax8', 5000]
		]);
		expect(totals(lines).cost).toBe(monthlyAmount(30001, 'quarterly'));
	});

	it('keeps a contract with no product as one line of its vendor', () => {
		const lines = moneyLines(input({ products, vendorContracts: [vendorContract('vc', { vendorId: 'msft', amountPerPeriod: 1200, period: 'annual' })] }));
		expect(lines).toEqual([expect.objectContaining({ vendorId: 'msft', productId: null, categoryId: null, cost: 100, customerId: null })]);
	});

	it('counts a contract from its start until its end (no renewal) or its deletion', () => {
		const ending = vendorContract('a', { start: '2025-04-01', termMonths: 12, amountPerPeriod: 100 });
		const renewing = customerContract('b', 'c1', { start: '2025-04-01', termMonths: 12, autoRenew: true, amountPerPeriod: 100, deletedAt: '2026-06-01T08:00:00Z' });
		const [a, b] = moneyLines(input({ vendorContracts: [ending], customerContracts: [renewing] }));
		expect([a.from, a.until]).toEqual(['2025-04-01', '2026-04-01']);
		expect([b.from, b.until]).toEqual(['2025-04-01', '2026-06-01']);
		expect(activeOn(a, '2026-03-31')).toBe(true);
		expect(activeOn(a, '2026-04-01')).toBe(false);
		expect(activeOn(a, '2025-03-31')).toBe(false);
	});
});

describe('grouping', () => {
	const lines = moneyLines(
		input({
			products: [product('edr', { vendorId: 'huntress', unitCost: 300, unitPrice: 700 }), product('rmm', { vendorId: 'datto', unitCost: 100, unitPrice: 400 })],
			deployments: [deployment('edr', 'c1', 10), deployment('edr', 'c2', 5), deployment('rmm', 'c2', 50)],
			customerContracts: [customerContract('k', 'c2', { amountPerPeriod: 99900 })]
		})
	);

	it('totals by vendor, biggest cost first, and the lines without one under null', () => {
		expect(totalsBy(lines, 'vendorId')).toEqual([
			['datto', { revenue: 20000, cost: 5000 }],
			['huntress', { revenue: 10500, cost: 4500 }],
			[null, { revenue: 99900, cost: 0 }]
		]);
	});

	it("keeps one customer's deployments and agreements", () => {
		expect(totals(ofCustomer(lines, 'c2'))).toEqual({ revenue: 3500 + 20000 + 99900, cost: 1500 + 5000 });
	});
});

describe('runRate', () => {
	it('measures each month at its end, this month today, at current prices', () => {
		const lines = moneyLines(
			input({
				products: [product('edr', { unitCost: 100, unitPrice: 300 })],
				deployments: [deployment('edr', 'c1', 1, { since: '2025-12-10' }), deployment('edr', 'c2', 1, { since: '2026-03-20' }), deployment('edr', 'c3', 1, { deletedAt: '2026-02-01T10:00:00Z' })]
			})
		);
		const months = runRate(lines, today, 4);
		expect(months.map((m) => [m.month, m.day, m.revenue])).toEqual([
			['2025-12', '2025-12-31', 600],
			['2026-01', '2026-01-31', 600],
			['2026-02', '2026-02-28', 300],
			['2026-03', '2026-03-15', 300]
		]);
	});
});

describe('margin and annual run-rate', () => {
	it('shares the margin over the revenue, none without revenue', () => {
		expect(marginShare({ revenue: 125000, cost: 30000 })).toBe(0.76);
		expect(marginShare({ revenue: 100, cost: 150 })).toBe(-0.5);
		expect(marginShare({ revenue: 0, cost: 30000 })).toBeNull();
	});

	it('makes a year of twelve months of today', () => {
		expect(annualRunRate({ revenue: 125000, cost: 3333 })).toEqual({ revenue: 1500000, cost: 39996 });
	});
});
