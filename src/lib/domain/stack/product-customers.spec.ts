import { describe, expect, it } from 'vitest';
import { productCustomers, sortCustomers, toggleSort } from './product-customers.js';

const deployment = (id: string, customerId: string, quantity: number, fields: { since?: string; siteId?: string; deletedAt?: string } = {}) => ({
	id,
	customerId,
	quantity,
	since: fields.since ?? null,
	siteId: fields.siteId ?? null,
	notes: null,
	deletedAt: fields.deletedAt ?? null
});

const customers = new Map([
	['c1', { name: 'Contoso', deletedAt: null }],
	['c2', { name: 'Fabrikam', deletedAt: null }],
	['c3', { name: 'Gone Ltd', deletedAt: '2026-01-01T00:00:00Z' }]
]);

const rows = productCustomers(
	[
		deployment('d1', 'c1', 10, { since: '2025-05-01', siteId: 's1' }),
		deployment('d2', 'c2', 25),
		deployment('d3', 'c3', 7),
		deployment('d4', 'c2', 3, { deletedAt: '2026-02-01T00:00:00Z' }),
		deployment('d5', 'c9', 1, { since: '2024-01-01' })
	],
	customers,
	new Map([['s1', 'Head office']])
);

describe('productCustomers', () => {
	it('names live deployments of live customers', () => {
		expect(rows.map((r) => [r.id, r.customerName, r.siteName])).toEqual([
			['d1', 'Contoso', 'Head office'],
			['d2', 'Fabrikam', null],
			['d5', 'Unknown customer', null]
		]);
	});
});

describe('sortCustomers', () => {
	it('sorts either way, empty values last', () => {
		const ids = (column: 'quantity' | 'since', descending: boolean) => sortCustomers(rows, { column, descending }).map((r) => r.id);
		expect(ids('quantity', true)).toEqual(['d2', 'd1', 'd5']);
		expect(ids('quantity', false)).toEqual(['d5', 'd1', 'd2']);
		expect(ids('since', false)).toEqual(['d5', 'd1', 'd2']);
		expect(ids('since', true)).toEqual(['d1', 'd5', 'd2']);
	});

	it('toggles the direction on the same column, numbers starting biggest first', () => {
		expect(toggleSort({ column: 'customerName', descending: false }, 'customerName')).toEqual({ column: 'customerName', descending: true });
		expect(toggleSort({ column: 'customerName', descending: false }, 'quantity')).toEqual({ column: 'quantity', descending: true });
		expect(toggleSort({ column: 'quantity', descending: true }, 'since')).toEqual({ column: 'since', descending: false });
	});
});
