import { describe, expect, it } from 'vitest';
import { billableDevices, changedQuantity, currentQuantities, defaultRule, deploymentToUpdate, MAX_QUANTITY, quantityFor, rolloutLines, rolloutSummary } from './rollout.js';

describe('billableDevices', () => {
	it('counts workstations, servers and mobiles per customer, not deleted ones', () => {
		const counts = billableDevices([
			{ customerId: 'c1', type: 'workstation', deletedAt: null },
			{ customerId: 'c1', type: 'server', deletedAt: null },
			{ customerId: 'c1', type: 'network', deletedAt: null },
			{ customerId: 'c1', type: 'mobile', deletedAt: '2026-01-01T00:00:00Z' },
			{ customerId: 'c2', type: 'mobile', deletedAt: null }
		]);
		expect([...counts]).toEqual([
			['c1', 2],
			['c2', 1]
		]);
	});
});

describe('quantityFor', () => {
	it("is the fixed number, or the customer's device count (none: 0)", () => {
		const devices = new Map([['c1', 12]]);
		expect(quantityFor({ kind: 'fixed', quantity: 5 }, 'c1', devices)).toBe(5);
		expect(quantityFor({ kind: 'devices' }, 'c1', devices)).toBe(12);
		expect(quantityFor({ kind: 'devices' }, 'c2', devices)).toBe(0);
	});
});

describe('changedQuantity', () => {
	it('sets or adds, within 0 … MAX_QUANTITY', () => {
		expect(changedQuantity(10, { mode: 'set', quantity: 4 })).toBe(4);
		expect(changedQuantity(10, { mode: 'add', quantity: 4 })).toBe(14);
		expect(changedQuantity(10, { mode: 'add', quantity: -40 })).toBe(0);
		expect(changedQuantity(MAX_QUANTITY, { mode: 'add', quantity: 1 })).toBe(MAX_QUANTITY);
	});
});

describe('deploymentToUpdate', () => {
	it('prefers the live customer-wide deployment, then the oldest', () => {
		const rows = [
			{ id: 'a', productId: 'p', siteId: 's1', since: '2024-01-01', deletedAt: null },
			{ id: 'b', productId: 'p', siteId: null, since: '2025-01-01', deletedAt: null },
			{ id: 'c', productId: 'p', siteId: null, since: '2023-01-01', deletedAt: '2026-01-01T00:00:00Z' },
			{ id: 'd', productId: 'q', siteId: null, since: '2020-01-01', deletedAt: null }
		];
		expect(deploymentToUpdate(rows, 'p')?.id).toBe('b');
		expect(deploymentToUpdate(rows.slice(0, 1), 'p')?.id).toBe('a');
		expect(deploymentToUpdate(rows, 'none')).toBeUndefined();
	});
});

describe('defaultRule', () => {
	it('counts devices for a per-device product, one number otherwise', () => {
		expect(defaultRule('per-device')).toBe('devices');
		expect(defaultRule('per-user')).toBe('fixed');
		expect(defaultRule('flat')).toBe('fixed');
	});
});

describe('currentQuantities', () => {
	it("is, per customer, the quantity of the deployment a rollout updates", () => {
		const row = (id: string, customerId: string, quantity: number, fields: { siteId?: string; deletedAt?: string; productId?: string } = {}) => ({
			id,
			customerId,
			quantity,
			productId: 'p',
			siteId: null,
			since: '2025-01-01',
			deletedAt: null,
			...fields
		});
		const current = currentQuantities(
			[row('a', 'c1', 3, { siteId: 's1' }), row('b', 'c1', 7), row('c', 'c2', 5, { deletedAt: '2026-01-01T00:00:00Z' }), row('d', 'c3', 2, { productId: 'q' }), row('e', 'c4', 4, { siteId: 's2' })],
			'p'
		);
		expect([...current]).toEqual([
			['c1', 7],
			['c4', 4]
		]);
	});
});

describe('rolloutLines', () => {
	it('adds to customers not running the product, updates or leaves the others', () => {
		const lines = rolloutLines(
			[
				{ id: 'c1', name: 'Contoso' },
				{ id: 'c2', name: 'Fabrikam' },
				{ id: 'c3', name: 'Litware' }
			],
			(id) => (id === 'c3' ? 4 : 10),
			new Map([
				['c2', 10],
				['c3', 1]
			])
		);
		expect(lines.map((l) => [l.customerId, l.quantity, l.current, l.action])).toEqual([
			['c1', 10, null, 'add'],
			['c2', 10, 10, 'unchanged'],
			['c3', 4, 1, 'update']
		]);
		expect(rolloutSummary(lines)).toEqual({ add: 1, update: 1, unchanged: 1, units: 24 });
	});
});
